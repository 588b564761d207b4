const a = require('./counter')
const b = require('./counter.js')
const c = require('/lib/counter')
module.exports = { same: a === b && b === c, loads: a.loads }
