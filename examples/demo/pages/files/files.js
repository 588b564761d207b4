// Saved files (the legacy saveFile family) and documents: download a PDF or a Word file, keep it with
// wx.saveFile, list, inspect and remove saved files, and open documents with wx.openDocument.
const { CDN } = require('../../utils/config')
const format = require('../../utils/format')

const DOCUMENTS = [
  { id: 'pdf', name: 'Field guide (PDF)', url: CDN + '/docs/field-guide.pdf', fileType: 'pdf' },
  { id: 'docx', name: 'Quarterly report (Word)', url: CDN + '/docs/quarterly-report.docx', fileType: 'docx' }
]

Page({
  data: { documents: DOCUMENTS, saved: [], info: null, busy: '', message: '' },

  onShow() {
    this.refresh()
  },

  refresh() {
    wx.getSavedFileList({
      success: ({ fileList }) => this.setData({
        saved: fileList.map(f => ({ filePath: f.filePath, name: format.baseName(f.filePath), size: format.size(f.size), created: format.dateTime(f.createTime) }))
      })
    })
  },

  /** Downloads a document: resolves with its temp path. */
  fetch(doc) {
    return new Promise((resolve, reject) => {
      wx.downloadFile({
        url: doc.url,
        success: ({ statusCode, tempFilePath }) => (statusCode === 200 ? resolve(tempFilePath) : reject(new Error(`HTTP ${statusCode}`))),
        fail: ({ errMsg }) => reject(new Error(errMsg))
      })
    })
  },

  open(e) {
    const doc = DOCUMENTS.find(d => d.id === e.currentTarget.dataset.id)
    this.setData({ busy: doc.id, message: '' })
    this.fetch(doc)
      .then(filePath => wx.openDocument({ filePath, fileType: doc.fileType, showMenu: true }))
      .then(() => this.setData({ message: `Opened ${doc.name}` }))
      .catch(err => this.setData({ message: err.errMsg || err.message }))
      .then(() => this.setData({ busy: '' }))
  },

  save(e) {
    const doc = DOCUMENTS.find(d => d.id === e.currentTarget.dataset.id)
    this.setData({ busy: doc.id, message: '' })
    this.fetch(doc)
      .then(tempFilePath => wx.saveFile({ tempFilePath }))
      .then(({ savedFilePath }) => {
        this.setData({ message: `Saved as ${format.baseName(savedFilePath)}` })
        this.refresh()
      })
      .catch(err => this.setData({ message: err.errMsg || err.message }))
      .then(() => this.setData({ busy: '' }))
  },

  showInfo(e) {
    const filePath = e.currentTarget.dataset.path
    wx.getSavedFileInfo({
      filePath,
      success: ({ size, createTime }) => this.setData({ info: { name: format.baseName(filePath), size: `${size} bytes`, created: format.dateTime(createTime) } }),
      fail: ({ errMsg }) => this.setData({ message: errMsg })
    })
  },

  openSaved(e) {
    const filePath = e.currentTarget.dataset.path
    wx.openDocument({ filePath, fail: ({ errMsg }) => this.setData({ message: errMsg }) })
  },

  remove(e) {
    const filePath = e.currentTarget.dataset.path
    wx.removeSavedFile({
      filePath,
      success: () => {
        this.setData({ message: `Removed ${format.baseName(filePath)}`, info: null })
        this.refresh()
      },
      fail: ({ errMsg }) => this.setData({ message: errMsg })
    })
  }
})
