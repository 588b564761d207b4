// Boxes of known sizes: head 100 px, box 200×80 at (30, 120), a 300 px scroll-view of 20 items of 40 px (800 px of
// content), 30 rows of 50 px and a last box of 60 px: 2,060 px of page. onReady measures with SelectorQuery and
// watches #last with an IntersectionObserver; the scroll-view logs its events, the page its scrolls and bottoms.
const range = n => Array.from({ length: n }, (_, i) => i)

Page({
  data: { items: range(20), rows: range(30), events: [], measured: null, lastSeen: [], scrolled: [], bottoms: 0 },
  onReady() {
    this.measure()
    this.createIntersectionObserver().relativeToViewport().observe('#last', res => {
      this.setData({ lastSeen: this.data.lastSeen.concat(res.intersectionRatio > 0) })
    })
  },
  onPageScroll(e) { this.setData({ scrolled: this.data.scrolled.concat(e.scrollTop) }) },
  onReachBottom() { this.setData({ bottoms: this.data.bottoms + 1 }) },
  measure() {
    wx.createSelectorQuery()
      .select('#box').boundingClientRect()
      .select('#list').fields({ size: true, scrollOffset: true })
      .selectViewport().scrollOffset()
      .exec(res => this.setData({ measured: res }))
  },
  scrolled(e) { this.log('scroll', e.detail) },
  lower(e) { this.log('scrolltolower', e.detail) },
  upper(e) { this.log('scrolltoupper', e.detail) },
  log(type, detail) { this.setData({ events: this.data.events.concat({ type, detail }) }) },
  clear() { this.setData({ events: [] }) }
})
