const db = wx.cloud.database()
const _ = db.command
const notes = db.collection('notes')

Page({
  data: { notes: [], total: 0, error: '' },

  onLoad() {
    this.refresh()
  },

  refresh() {
    // the user's own notes, most liked first, then oldest first; at most 10
    return notes.where({ _openid: '{openid}', likes: _.gte(0) })
      .orderBy('likes', 'desc').orderBy('createdAt', 'asc').limit(10).get()
      .then(res => notes.where({ _openid: '{openid}' }).count().then(c => this.setData({
        total: c.total,
        notes: res.data.map(n => ({ id: n._id, text: n.text, likes: n.likes, stamped: n.createdAt instanceof Date }))
      })))
  },

  add(e) {
    notes.add({
      data: { text: e.currentTarget.dataset.text, likes: 0, tags: ['note'], createdAt: db.serverDate() },
      success: () => this.refresh(),
      fail: res => this.setData({ error: res.errMsg })
    })
  },

  like(e) {
    notes.doc(e.currentTarget.dataset.id).update({ data: { likes: _.inc(1), tags: _.addToSet('liked') } })
      .then(() => this.refresh())
  },

  remove(e) {
    notes.doc(e.currentTarget.dataset.id).remove().then(() => this.refresh())
  },

  openMissing() {
    notes.doc('no-such-note').get({
      fail: res => this.setData({ error: res.errCode + ' ' + res.errMsg })
    })
  }
})
