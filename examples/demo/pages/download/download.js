// downloadFile with a progress bar; the picture is shown from its temp path once it is complete.
const { CDN } = require('../../utils/config')
const format = require('../../utils/format')

Page({
  data: { url: CDN + '/images/landscape.jpg', downloading: false, progress: 0, written: '', expected: '', path: '', status: 0, error: '' },

  download() {
    this.setData({ downloading: true, progress: 0, path: '', error: '' })
    const task = wx.downloadFile({
      url: this.data.url,
      success: ({ statusCode, tempFilePath }) => {
        if (statusCode !== 200) {
          this.setData({ status: statusCode, error: `HTTP ${statusCode}` })
          return
        }
        this.setData({ status: statusCode, path: tempFilePath })
      },
      fail: ({ errMsg }) => this.setData({ error: errMsg }),
      complete: () => this.setData({ downloading: false })
    })
    task.onProgressUpdate(({ progress, totalBytesWritten, totalBytesExpectedToWrite }) => {
      this.setData({ progress, written: format.size(totalBytesWritten), expected: format.size(totalBytesExpectedToWrite) })
    })
  },

  preview() {
    wx.previewImage({ urls: [this.data.path] })
  }
})
