Page({
  data: { rows: [1, 2, 3], events: [], scrolled: [] },
  log(e) {
    const seen = { type: e.type, id: e.currentTarget.id, detail: e.detail }
    if (e.touches) {
      seen.touches = e.touches
      seen.changedTouches = e.changedTouches
    }
    this.setData({ events: this.data.events.concat([seen]) })
  },
  watchFromCode() {
    const video = wx.createVideoContext('player', this)
    video.play()
    video.seek(5)
    video.pause()
  },
  clear() {
    this.setData({ events: [] })
  },
  onPageScroll(e) {
    this.setData({ scrolled: this.data.scrolled.concat([e.scrollTop]) })
  }
})
