Page({
  data: { volume: 10, poked: null, counted: 0, answer: '' },
  onSlide(e) {
    this.setData({ volume: e.detail.value })
  },
  onPoke(e) {
    this.setData({ poked: e.detail })
  },
  onCounted(e) {
    this.setData({ counted: e.detail.value })
  },
  ask() {
    wx.showModal({ title: 'Sure?', success: r => this.setData({ answer: r.confirm ? 'yes' : 'no' }) })
  },
  authorize(e) {
    const scope = e.currentTarget.dataset.scope
    wx.authorize({
      scope,
      success: () => this.setData({ [scope]: 'allowed' }),
      fail: () => this.setData({ [scope]: 'denied' })
    })
  }
})
