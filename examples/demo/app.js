// Sparrow demo: one page per network, media and file topic. Every URL below utils/config.js is a public
// one; `sparrow demo` routes them to a local backend, so this code is exactly what would ship.
App({
  onLaunch() {
    const { SDKVersion, platform } = wx.getSystemInfoSync()
    console.log(`Sparrow demo launched (base library ${SDKVersion}, ${platform})`)
  },
  onError(message) {
    console.error('app error:', message)
  }
})
