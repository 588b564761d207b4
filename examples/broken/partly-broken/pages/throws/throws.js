const config = require('../../config/missing')

Page({ data: { title: config.title } })
