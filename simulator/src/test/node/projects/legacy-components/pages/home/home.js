// The base library 1.x components, used as 2016-2017 apps use them: the page shows and hides each one.
Page({
  data: { log: 'ready', toastHidden: true, busy: false, modalHidden: true, sheetHidden: true },
  save() { this.setData({ toastHidden: false, log: 'saving' }) },
  toastDone() { this.setData({ toastHidden: true, log: 'toast gone' }) },
  ask() { this.setData({ modalHidden: false }) },
  cleared() { this.setData({ modalHidden: true, log: 'cleared' }) },
  kept() { this.setData({ modalHidden: true, log: 'kept' }) },
  more() { this.setData({ sheetHidden: false }) },
  photo() { this.setData({ sheetHidden: true, log: 'photo' }) },
  sheetClosed() { this.setData({ sheetHidden: true, log: 'sheet closed' }) }
})
