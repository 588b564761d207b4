const db = wx.cloud.database()

Page({
  data: { added: 0 },

  add() {
    const n = this.data.added + 1
    db.collection('books').add({ data: { title: 'Book ' + n, pages: 100 * n, tags: ['shelf'] } })
      .then(() => db.collection('readers').add({ data: { name: 'Reader ' + n } }))
      .then(() => this.setData({ added: n }))
  }
})
