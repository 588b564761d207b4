const logged = require('../../common/logged')
Page(logged('C'))
