Page({
  data: {
    title: 'playground',
    list: [{ name: 'a' }, { name: 'b' }],
    nested: { deep: { value: 1 } }
  },
  onLoad() {
    this.loaded = true
  },
  // Throws from a handler so tests can check error reporting (this line is 11).
  explode() {
    const missing = null
    return missing.property
  },
  add(a, b) { return a + b },
  load(path) { return require(path) },
  // WeChat's asynchronous forms: require(path, callback, error) and require.async(path); outcomes into data.loaded
  loadLater(path) {
    const done = (how) => (v) => this.setData({ ['loaded.' + how]: v && v.errMsg ? v : Object.keys(v).sort() })
    require(path, done('callback'), done('callbackError'))
    require.async(path).then(done('promise'), done('promiseError'))
  },
  later(ms) {
    return new Promise(resolve => setTimeout(() => resolve('done after ' + ms), ms))
  }
})
