// A lazy picture list as real apps write it: every row observed (observeAll) against the viewport grown by 100px
// below; a row's picture is loaded once it shows. The layout's media query picks one or two columns.
const ROWS = 12;
Page({
  data: { items: [], last: null, wide: null, tiny: null },
  onLoad() {
    const items = [];
    for (let i = 0; i < ROWS; i++) items.push({ index: i, src: '' });
    this.setData({ items: items });
    this.media = wx.createMediaQueryObserver();
    this.media.observe({ minWidth: 300, orientation: 'portrait' }, (res) => this.setData({ wide: res.matches }));
    this.tinyMedia = this.createMediaQueryObserver();
    this.tinyMedia.observe({ maxWidth: 200 }, (res) => this.setData({ tiny: res.matches }));
  },
  onReady() {
    this.observer = wx.createIntersectionObserver(this, { observeAll: true, thresholds: [0] });
    this.observer.relativeToViewport({ bottom: 100 }).observe('.row', (res) => {
      if (res.intersectionRatio > 0 && !this.data.items[res.dataset.index].src) {
        this.setData({ ['items[' + res.dataset.index + '].src']: '/images/' + res.dataset.index + '.png', last: res });
      }
    });
  },
  onUnload() {
    this.observer.disconnect();
    this.media.disconnect();
    this.tinyMedia.disconnect();
  }
});
