// Every lifecycle call lands in getApp().log as "<who>.<hook>" so tests can read the order.
App({
  log: [],
  onLaunch(options) { this.log.push('App.onLaunch'); this.launchOptions = options },
  onShow() { this.log.push('App.onShow') },
  onHide() { this.log.push('App.onHide') },
  onError(message) { this.log.push('App.onError'); this.lastError = message },
  onPageNotFound(res) { this.log.push('App.onPageNotFound'); this.notFound = res }
})
