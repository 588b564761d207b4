Page({
  data: { taps: 0, lastTap: '', tagShown: true },
  onTap(e) {
    this.setData({ taps: this.data.taps + 1, lastTap: e.currentTarget.dataset.name });
  },
  onCloseTag() {
    this.setData({ tagShown: false });
  },
  openFeedback() {
    wx.navigateTo({ url: '/pages/feedback/feedback' });
  }
});
