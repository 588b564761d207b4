App({
  onLaunch() {
    wx.cloud.init({ env: 'panel-test' })
  }
})
