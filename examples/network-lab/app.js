App({
  globalData: { log: [] }
});
