// A component that animates its own element and watches it come into view.
Component({
  data: { pulsed: false, seen: 0 },
  lifetimes: {
    ready() {
      this.observer = this.createIntersectionObserver();
      this.observer.relativeToViewport().observe('.dot', (res) => this.setData({ seen: res.intersectionRatio }));
    },
    detached() {
      this.observer.disconnect();
    }
  },
  methods: {
    pulse() {
      this.animate('.dot', [{ scale: [1, 1] }, { scale: [1.5, 1.5], translate: [10, 0] }], 200, () => this.setData({ pulsed: true }));
    }
  }
});
