// The pattern real apps use: the Animation made once in onLoad, stepped and exported in a tap handler.
Page({
  data: { animationData: {}, open: false, ends: 0 },
  onLoad() {
    this.animation = wx.createAnimation({ duration: 300, timingFunction: 'ease-out' });
  },
  toggle() {
    const open = !this.data.open;
    this.animation.rotate(open ? 90 : 0).opacity(open ? 0.5 : 1).step();
    this.animation.translateY(open ? 40 : 0).step({ duration: 200, delay: 50 });
    this.setData({ open: open, animationData: this.animation.export() });
  },
  onTransitionEnd() {
    this.setData({ ends: this.data.ends + 1 });
  }
});
