const logged = require('../../common/logged')
const page = logged('C')
const onLoad = page.onLoad
page.onLoad = function (query) {
  onLoad.call(this, query)
  // navigateTo's channel: tell the opener at once, listen for what it sends from its success callback
  const channel = this.getOpenerEventChannel()
  channel.emit('fromOpened', { step: 'onLoad' })
  channel.on('fromOpener', (msg) => this.setData({ fromOpener: msg }))
}
Page(page)
