// A component that animates its own element and watches it come into view.
Component({
  data: { pulsed: false, seen: 0, ring: {} },
  lifetimes: {
    attached() {
      this.observer = this.createIntersectionObserver();
      this.observer.relativeToViewport().observe('.dot', (res) => this.setData({ seen: res.intersectionRatio }));
    },
    detached() {
      this.observer.disconnect();
    }
  },
  methods: {
    pulse() {
      const frames = [{ scale: [1, 1] }, { scale: [1.5, 1.5], translate: [10, 0] }];
      this.animate('.dot', frames, 200, () => this.setData({ pulsed: true }));
      this.setData({ ring: wx.createAnimation({ duration: 100 }).scale(2).opacity(0).step().export() });
    }
  }
});
