Page({
  onShow() { this.getTabBar().setData({ selected: 0 }) },
  openDetail() { wx.navigateTo({ url: '/pages/detail/detail' }) }
})
