const fs = wx.getFileSystemManager()

Page({
  data: { answer: '', photos: [], loadedCount: 0, deviceResult: '' },
  modal() {
    wx.showModal({ title: 'Delete?', content: 'This cannot be undone' })
      .then(res => this.setData({ answer: res.confirm ? 'confirmed' : 'cancelled' }))
  },
  edit() {
    wx.showModal({ title: 'Name', editable: true, placeholderText: 'Your name' })
      .then(res => this.setData({ answer: res.confirm ? 'name: ' + res.content : 'cancelled' }))
  },
  sheet() {
    wx.showActionSheet({ itemList: ['Red', 'Green', 'Blue'] })
      .then(res => this.setData({ answer: 'picked ' + res.tapIndex }))
      .catch(err => this.setData({ answer: err.errMsg }))
  },
  loading() {
    wx.showLoading({ title: 'Working' })
    setTimeout(() => { wx.hideLoading(); wx.showToast({ title: 'Done' }) }, 300)
  },
  choose() {
    wx.chooseImage({ count: 2, sizeType: ['original'] })
      .then(res => this.setData({ photos: res.tempFilePaths }))
      .catch(err => this.setData({ answer: err.errMsg }))
  },
  loaded() {
    this.setData({ loadedCount: this.data.loadedCount + 1 })
  },
  preview(e) {
    wx.previewImage({ urls: this.data.photos, current: e.currentTarget.dataset.src })
      .then(() => this.setData({ answer: 'previewed' }))
  },
  authorize() {
    wx.authorize({ scope: 'scope.record' })
      .then(() => this.setData({ deviceResult: 'microphone allowed' }))
      .catch(err => this.setData({ deviceResult: err.errMsg }))
  },
  measure() {
    // the layout comes from the screen showing the page: sizes are 0 when nothing paints it
    wx.createSelectorQuery().select('#sunset').boundingClientRect().selectViewport().scrollOffset().exec(([rect, viewport]) => {
      this.setData({ deviceResult: `sunset ${Math.round(rect.width)}x${Math.round(rect.height)} at ${Math.round(rect.left)},${Math.round(rect.top)}; page ${viewport.scrollHeight} tall` })
    })
  },
  badge() {
    wx.setTabBarBadge({ index: 1, text: '12' })
    wx.showTabBarRedDot({ index: 0 })
  },
  title() {
    wx.setNavigationBarTitle({ title: 'Renamed' })
  },
  openDocument() {
    this.copyAndOpen('docs/report.pdf', 'report.pdf', 'pdf')
  },
  openOffice() {
    this.copyAndOpen('docs/letter.docx', 'letter.docx', 'docx')
  },
  copyAndOpen(from, name, fileType) {
    const filePath = `${wx.env.USER_DATA_PATH}/${name}`
    fs.copyFileSync(from, filePath)
    wx.openDocument({ filePath, fileType })
      .then(() => this.setData({ deviceResult: 'opened ' + name }))
      .catch(err => this.setData({ deviceResult: err.errMsg }))
  }
})
