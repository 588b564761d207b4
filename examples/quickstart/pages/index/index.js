// index.js
const app = getApp()

Page({
  data: {
    motto: 'Hello Sparrow',
    count: 0,
    name: '',
    userName: ''
  },
  onLoad() {
    this.setData({ userName: app.globalData.userName })
  },
  onName(e) {
    this.setData({ name: e.detail.value })
  },
  increment() {
    this.setData({ count: this.data.count + 1 })
  },
  // Tapping the motto opens the launch log.
  bindViewTap() {
    wx.navigateTo({ url: '../logs/logs' })
  }
})
