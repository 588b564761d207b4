// A feed in a scroll-view: cells observed relative to the scroll-view, shown once they scroll into it.
Page({
  data: { cells: [false, false, false, false, false, false, false, false, false, false] },
  onReady() {
    this.observer = this.createIntersectionObserver({ observeAll: true });
    this.observer.relativeTo('.feed').observe('.cell', (res) => {
      if (res.intersectionRatio > 0) this.setData({ ['cells[' + res.dataset.index + ']']: true });
    });
  },
  onUnload() {
    this.observer.disconnect();
  }
});
