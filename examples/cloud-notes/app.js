App({
  onLaunch() {
    wx.cloud.init({ env: 'notes-dev', traceUser: true })
  }
})
