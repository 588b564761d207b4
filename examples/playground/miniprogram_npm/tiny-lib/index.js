module.exports = { name: 'tiny' }
