Page({
  data: { openid: '', avatar: '', link: '', tally: '', error: '' },

  // the login template's pattern: a cloud function answers with the caller's openid
  login() {
    return wx.cloud.callFunction({ name: 'login' })
      .then(res => this.setData({ openid: res.result.openid }))
      .catch(err => this.setData({ error: err.errCode + ' ' + err.errMsg }))
  },

  upload() {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      success: chosen => {
        const file = chosen.tempFiles[0].tempFilePath
        const ext = file.slice(file.lastIndexOf('.'))
        wx.cloud.uploadFile({
          cloudPath: 'avatars/' + (this.data.openid || 'anonymous') + ext,
          filePath: file,
          success: res => this.setData({ avatar: res.fileID }),
          fail: err => this.setData({ error: err.errMsg })
        })
      }
    })
  },

  link() {
    wx.cloud.getTempFileURL({ fileList: [this.data.avatar] })
      .then(res => this.setData({ link: res.fileList[0].tempFileURL || res.fileList[0].errMsg }))
  },

  forget() {
    wx.cloud.deleteFile({ fileList: [this.data.avatar] })
      .then(res => this.setData({ avatar: '', link: res.fileList[0].errMsg }))
  },

  tally() {
    wx.cloud.callFunction({ name: 'tally' }).then(res => this.setData({ tally: res.result.label }))
  }
})
