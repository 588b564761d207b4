// app.js
App({
  onLaunch(options) {
    // Record each launch, newest first, as WeChat's template does.
    const logs = wx.getStorageSync('logs') || []
    logs.unshift(Date.now())
    wx.setStorageSync('logs', logs)
    console.log('launched at', options.path, 'scene', options.scene)
  },
  globalData: {
    userName: 'sparrow',
    launches: 0
  }
})
