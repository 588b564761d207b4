// A 1,000-row list for the one-row setData benchmark: each tap renames one row. Scrolling to the end counts
// onReachBottom calls (WeChat calls it once each time the page arrives within onReachBottomDistance of its end).
const rows = []
for (let i = 0; i < 1000; i++) rows.push({ id: i, title: 'Row ' + i, price: i % 50, qty: 2, done: false })

Page({
  data: { rows, taps: 0, bottoms: 0 },
  onPageScroll(e) {
    this.lastScrollTop = e.scrollTop
  },
  onReachBottom() {
    this.setData({ bottoms: this.data.bottoms + 1 })
  },
  touch(e) {
    const i = e.currentTarget.dataset.index
    const taps = this.data.taps + 1
    this.setData({ [`rows[${i}].title`]: 'Tapped ' + taps, taps })
  }
})
