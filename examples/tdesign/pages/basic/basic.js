Page({
  data: { taps: 0, lastTap: '', tab: '0', open: ['ship'], bar: 'home' },
  onTap(e) { this.setData({ taps: this.data.taps + 1, lastTap: e.currentTarget.dataset.name }); },
  openFeedback() { wx.navigateTo({ url: '/pages/feedback/feedback' }); },
  onTab(e) { this.setData({ tab: e.detail.value }); },
  onCollapse(e) { this.setData({ open: e.detail.value }); },
  onBar(e) { this.setData({ bar: e.detail.value }); }
});
