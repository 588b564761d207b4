Page({
  data: { calls: '' },
  record(name, e) { this.setData({ calls: this.data.calls + name + ':' + e.target.id + ';' }) },
  onOuterTap(e) { this.record('outerTap', e) },
  onOuterPing(e) { this.record('outerPing', e) },
  onPanelPing(e) { this.record('panelPing', e) },
  onOuterCapture(e) { this.record('outerCapture', e) },
  fire(options) { this.selectComponent('#p').selectComponent('#probe').fire('ping', options) }
})
