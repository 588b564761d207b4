const esm = require('./esm')
module.exports = { def: esm.default(), answer: esm.answer, esModule: esm.__esModule === true }
