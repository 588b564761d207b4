// FileSystemManager: notes kept as text files under wx.env.USER_DATA_PATH/notes — mkdir, writeFile,
// appendFile, readdir, stat, readFile, unlink — plus a copy of a downloaded picture with copyFile.
const { CDN } = require('../../utils/config')
const format = require('../../utils/format')

const fs = wx.getFileSystemManager()
const DIR = `${wx.env.USER_DATA_PATH}/notes`

Page({
  data: { dir: DIR, title: '', body: '', notes: [], open: null, message: '' },

  onLoad() {
    try {
      fs.accessSync(DIR)
    } catch (e) {
      fs.mkdirSync(DIR, true)
    }
    this.list()
  },

  onTitle(e) {
    this.setData({ title: e.detail.value })
  },

  onBody(e) {
    this.setData({ body: e.detail.value })
  },

  list() {
    fs.readdir({
      dirPath: DIR,
      success: ({ files }) => {
        const notes = files.sort().map(name => {
          const stats = fs.statSync(`${DIR}/${name}`)
          return { name, size: format.size(stats.size), modified: format.dateTime(stats.lastModifiedTime) }
        })
        this.setData({ notes })
      },
      fail: ({ errMsg }) => this.setData({ message: errMsg })
    })
  },

  save() {
    const name = this.data.title.trim().replace(/[^\w\u4e00-\u9fa5-]+/g, '-')
    if (!name) {
      wx.showToast({ title: 'Give the note a title', icon: 'none' })
      return
    }
    fs.writeFile({
      filePath: `${DIR}/${name}.txt`,
      data: this.data.body,
      encoding: 'utf8',
      success: () => {
        this.setData({ title: '', body: '', message: `Saved ${name}.txt` })
        this.list()
      },
      fail: ({ errMsg }) => this.setData({ message: errMsg })
    })
  },

  read(e) {
    const name = e.currentTarget.dataset.name
    fs.readFile({
      filePath: `${DIR}/${name}`,
      encoding: 'utf8',
      success: ({ data }) => this.setData({ open: { name, text: data } }),
      fail: ({ errMsg }) => this.setData({ message: errMsg })
    })
  },

  stamp(e) {
    const name = e.currentTarget.dataset.name
    fs.appendFile({
      filePath: `${DIR}/${name}`,
      data: `\n— seen ${format.dateTime(Date.now() / 1000)}`,
      encoding: 'utf8',
      success: () => {
        this.list()
        if (this.data.open && this.data.open.name === name) this.read(e)
      },
      fail: ({ errMsg }) => this.setData({ message: errMsg })
    })
  },

  remove(e) {
    const name = e.currentTarget.dataset.name
    fs.unlink({
      filePath: `${DIR}/${name}`,
      success: () => {
        this.setData({ message: `Deleted ${name}`, open: this.data.open && this.data.open.name === name ? null : this.data.open })
        this.list()
      },
      fail: ({ errMsg }) => this.setData({ message: errMsg })
    })
  },

  keepPicture() {
    wx.downloadFile({
      url: CDN + '/images/dusk.png',
      success: ({ tempFilePath }) => {
        fs.copyFile({
          srcPath: tempFilePath,
          destPath: `${DIR}/dusk.png`,
          success: () => {
            this.setData({ message: 'Copied the picture to notes/dusk.png' })
            this.list()
          },
          fail: ({ errMsg }) => this.setData({ message: errMsg })
        })
      },
      fail: ({ errMsg }) => this.setData({ message: errMsg })
    })
  }
})
