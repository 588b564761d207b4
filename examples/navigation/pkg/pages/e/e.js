const logged = require('/common/logged.js')
Page(logged('E'))
