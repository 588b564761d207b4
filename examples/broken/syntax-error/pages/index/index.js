Page({
  data: { ok: true },
  onLoad() {
    if (this.data.ok {
      console.log('never')
    }
  }
})
