Page({
  onLoad() {
    this.undefinedMethod()
  }
})
