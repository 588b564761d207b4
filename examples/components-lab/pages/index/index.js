const app = getApp()
Page({
  data: {
    start: 3,
    step: 2,
    items: [{ id: 1, name: 'one' }, { id: 2, name: 'two' }],
    footer: 'foot',
    heading: 'Panel',
    badge: 'new',
    lastChange: ''
  },
  onLoad() { app.record('page onLoad') },
  onShow() { app.record('page onShow') },
  onReady() { app.record('page onReady') },
  onCounterChange(e) {
    this.setData({ lastChange: 'count ' + e.detail.count + ' from ' + e.target.id + '/' + e.currentTarget.dataset.kind })
  },
  onSelect(e) { this.setData({ lastChange: 'selected ' + e.currentTarget.dataset.id + ' ' + e.detail.selected }) },
  onPanelChange(e) { this.setData({ lastChange: 'panel ' + e.detail.value }) },
  counter() { return this.selectComponent('#main') }
})
