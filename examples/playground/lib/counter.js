let loads = (globalThis.__counterLoads || 0) + 1
globalThis.__counterLoads = loads
module.exports = { loads, next: (() => { let n = 0; return () => ++n })() }
