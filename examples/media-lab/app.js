App({
  globalData: { log: [] }
})
