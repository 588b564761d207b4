Page({
  data: { picked: '' },
  onPick(e) {
    this.setData({ picked: e.detail.day }, function () {
      this.setData({ confirmed: 'page saw ' + this.data.picked })
    })
  }
})
