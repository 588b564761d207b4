// Choose a photo, upload it with two form fields, and show what the server says it received, next to the
// local file's size and MD5 so the two can be compared.
const { UPLOAD_URL } = require('../../utils/config')
const format = require('../../utils/format')

Page({
  data: { imagePath: '', localSize: '', localMd5: '', uploading: false, progress: 0, status: 0, fields: [], files: [], matches: false, error: '' },

  choose() {
    wx.chooseImage({
      count: 1,
      sizeType: ['original'],
      sourceType: ['album', 'camera'],
      success: ({ tempFilePaths, tempFiles }) => {
        const filePath = tempFilePaths[0]
        this.setData({ imagePath: filePath, localSize: format.size(tempFiles[0].size), progress: 0, status: 0, files: [], error: '' })
        wx.getFileSystemManager().getFileInfo({
          filePath,
          digestAlgorithm: 'md5',
          success: ({ digest }) => this.setData({ localMd5: digest })
        })
      },
      fail: ({ errMsg }) => this.setData({ error: errMsg })
    })
  },

  upload() {
    this.setData({ uploading: true, progress: 0, error: '' })
    const task = wx.uploadFile({
      url: UPLOAD_URL,
      filePath: this.data.imagePath,
      name: 'photo',
      formData: { user: 'sparrow', album: 'Demo' },
      success: ({ statusCode, data }) => {
        let report
        try {
          report = JSON.parse(data)
        } catch (e) {
          this.setData({ status: statusCode, error: 'The server did not answer JSON' })
          return
        }
        const fields = Object.keys(report.fields || {}).map(name => ({ name, value: report.fields[name] }))
        const files = (report.files || []).map(f => Object.assign({}, f, { sizeText: format.size(f.size) }))
        this.setData({ status: statusCode, fields, files, matches: files.length > 0 && files[0].md5 === this.data.localMd5 })
      },
      fail: ({ errMsg }) => this.setData({ error: errMsg }),
      complete: () => this.setData({ uploading: false })
    })
    task.onProgressUpdate(({ progress }) => this.setData({ progress }))
  }
})
