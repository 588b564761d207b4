App({
  globalData: { log: [] },
  record(what) { this.globalData.log.push(what) }
})
