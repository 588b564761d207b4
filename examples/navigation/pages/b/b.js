const logged = require('../../common/logged')
Page(logged('B'))
