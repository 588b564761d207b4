// Builds a page definition that records its lifecycle under a short name.
module.exports = function logged(name, extra) {
  const log = (hook) => getApp().log.push(name + '.' + hook)
  return Object.assign({
    data: { name },
    onLoad(query) { log('onLoad'); this.setData({ query }) },
    onShow() { log('onShow') },
    onReady() { log('onReady') },
    onHide() { log('onHide') },
    onUnload() { log('onUnload') }
  }, extra || {})
}
