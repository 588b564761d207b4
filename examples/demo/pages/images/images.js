// Pictures: choose up to three, preview them full screen, read their size and type, and save one to the
// phone's album — asking for scope.writePhotosAlbum first and sending the user to Settings after a "no".
const { CDN } = require('../../utils/config')
const format = require('../../utils/format')
const SCOPE = 'scope.writePhotosAlbum'

Page({
  data: { photos: [], selected: 0, info: null, saveStatus: '', remote: CDN + '/images/forest.jpg', remoteInfo: null },

  choose() {
    wx.chooseImage({
      count: 3,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: ({ tempFilePaths }) => this.setData({ photos: tempFilePaths, selected: 0, info: null, saveStatus: '' }),
      fail: ({ errMsg }) => this.setData({ saveStatus: errMsg })
    })
  },

  select(e) {
    this.setData({ selected: Number(e.currentTarget.dataset.index), info: null })
  },

  preview() {
    wx.previewImage({ current: this.data.photos[this.data.selected], urls: this.data.photos })
  },

  inspect() {
    wx.getImageInfo({
      src: this.data.photos[this.data.selected],
      success: ({ width, height, type, orientation, path }) => this.setData({ info: { width, height, type, orientation, name: format.baseName(path) } }),
      fail: ({ errMsg }) => this.setData({ saveStatus: errMsg })
    })
  },

  inspectRemote() {
    wx.getImageInfo({
      src: this.data.remote,
      success: ({ width, height, type }) => this.setData({ remoteInfo: { width, height, type } }),
      fail: ({ errMsg }) => this.setData({ remoteInfo: { error: errMsg } })
    })
  },

  save() {
    wx.getSetting({
      success: ({ authSetting }) => {
        if (authSetting[SCOPE] === false) {
          this.askForSettings()
          return
        }
        wx.authorize({
          scope: SCOPE,
          success: () => this.saveSelected(),
          fail: () => this.setData({ saveStatus: 'Not allowed to save to the album' })
        })
      }
    })
  },

  askForSettings() {
    wx.showModal({
      title: 'Save to album',
      content: 'Sparrow demo needs your permission to save pictures. Open Settings?',
      confirmText: 'Settings',
      success: ({ confirm }) => {
        if (!confirm) {
          this.setData({ saveStatus: 'Not allowed to save to the album' })
          return
        }
        wx.openSetting({
          success: ({ authSetting }) => {
            if (authSetting[SCOPE]) this.saveSelected()
            else this.setData({ saveStatus: 'Not allowed to save to the album' })
          }
        })
      }
    })
  },

  saveSelected() {
    wx.saveImageToPhotosAlbum({
      filePath: this.data.photos[this.data.selected],
      success: () => {
        this.setData({ saveStatus: 'Saved to the album' })
        wx.showToast({ title: 'Saved', icon: 'success' })
      },
      fail: ({ errMsg }) => this.setData({ saveStatus: errMsg })
    })
  }
})
