App({
  onLaunch() {
    wx.setStorageSync('launches', (wx.getStorageSync('launches') || 0) + 1)
  }
})
