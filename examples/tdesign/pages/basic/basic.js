Page({
  data: { taps: 0, lastTap: '', tab: '0', open: ['ship'], bar: 'home', tagShown: true, imageLoaded: false, event: null },
  // every handler keeps the event's type and detail: the test checks they are shaped as TDesign documents them
  keep(e) { this.setData({ event: { type: e.type, detail: e.detail } }); },
  onTap(e) { this.setData({ taps: this.data.taps + 1, lastTap: e.currentTarget.dataset.name }); },
  openFeedback() { wx.navigateTo({ url: '/pages/feedback/feedback' }); },
  onTab(e) { this.keep(e); this.setData({ tab: e.detail.value }); },
  onCollapse(e) { this.keep(e); this.setData({ open: e.detail.value }); },
  onBar(e) { this.keep(e); this.setData({ bar: e.detail.value }); },
  onTagClose(e) { this.keep(e); this.setData({ tagShown: false }); },
  onImage(e) { this.keep(e); this.setData({ imageLoaded: true }); }
});
