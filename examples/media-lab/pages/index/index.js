// Records its lifecycle so tests can see previewImage hide and show the page.
const log = (what) => getApp().globalData.log.push(what)

Page({
  data: { photos: [] },
  onShow() { log('index onShow') },
  onHide() { log('index onHide') },
  pick() {
    return wx.chooseImage({ count: 3, sizeType: ['compressed'] }).then(res => {
      this.setData({ photos: res.tempFilePaths })
      return res
    })
  },
  preview(current) {
    return wx.previewImage({ urls: this.data.photos, current }).then(res => { log('preview ' + res.errMsg); return res })
  }
})
