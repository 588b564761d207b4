Page({
  data: { done: false, cleared: false },
  spin() {
    this.animate('#box', [
      { opacity: 1, rotate: 0, backgroundColor: '#FF0000' },
      { opacity: 0.5, rotate: 45, offset: 0.9 },
      { opacity: 0, rotate: 90, backgroundColor: '#00FF00', ease: 'ease-out' }
    ], 1000, function () {
      this.setData({ done: true });
    }.bind(this));
  },
  clear() {
    this.clearAnimation('#box', { opacity: true, rotate: true }, () => this.setData({ cleared: true }));
  }
});
