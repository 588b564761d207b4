const db = wx.cloud.database()

Page({
  data: { added: 0, fileID: '', greeted: '' },

  add() {
    const n = this.data.added + 1
    db.collection('books').add({ data: { title: 'Book ' + n, pages: 100 * n, tags: ['shelf'] } })
      .then(() => db.collection('readers').add({ data: { name: 'Reader ' + n } }))
      .then(() => this.setData({ added: n }))
  },

  upload() {
    const filePath = wx.env.USER_DATA_PATH + '/note.txt'
    wx.getFileSystemManager().writeFileSync(filePath, 'twelve bytes', 'utf8')
    wx.cloud.uploadFile({ cloudPath: 'notes/note.txt', filePath })
      .then(res => this.setData({ fileID: res.fileID }))
  },

  greet() {
    wx.cloud.callFunction({ name: 'greet', data: { who: 'panel' } })
      .then(res => this.setData({ greeted: res.result.hello }))
  }
})
