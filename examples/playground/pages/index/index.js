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
  later(ms) {
    return new Promise(resolve => setTimeout(() => resolve('done after ' + ms), ms))
  }
})
