// The shared board: notes everyone reads and only their author changes (collection "board", READONLY in
// cloud/database.json). The list follows a realtime watch; the stats line is an aggregate query.
const db = wx.cloud.database()
const _ = db.command
const $ = _.aggregate
const board = db.collection('board')

Page({
  data: { posts: [], snapshots: 0, lastChange: '', stats: '', error: '' },

  onLoad() {
    this.watcher = board.orderBy('createdAt', 'asc').watch({
      onChange: snapshot => {
        this.setData({
          snapshots: this.data.snapshots + 1,
          lastChange: snapshot.type === 'init' ? 'init'
            : snapshot.docChanges.map(c => c.dataType + ':' + c.queueType).join(','),
          posts: snapshot.docs.map(d => ({ id: d._id, text: d.text, likes: d.likes }))
        })
        this.refreshStats()
      },
      onError: err => this.setData({ error: err.errMsg })
    })
  },

  onUnload() {
    if (this.watcher) this.watcher.close()
  },

  // posts per author and likes in all, most active author first
  refreshStats() {
    return board.aggregate()
      .group({ _id: '$_openid', posts: $.sum(1), likes: $.sum('$likes') })
      .sort({ posts: -1 })
      .end()
      .then(res => this.setData({
        stats: res.list.length + ' authors, top ' + (res.list[0] ? res.list[0].posts : 0) + ' posts, '
          + res.list.reduce((n, r) => n + r.likes, 0) + ' likes'
      }))
  },

  post(e) {
    board.add({ data: { text: e.currentTarget.dataset.text, likes: 0, createdAt: db.serverDate() } })
      .catch(err => this.setData({ error: err.errMsg }))
  },

  like(e) {
    // the board is READONLY: only the author's own posts change; others' stay as they are (updated: 0)
    board.doc(e.currentTarget.dataset.id).update({ data: { likes: _.inc(1) } })
      .then(res => this.setData({ error: res.stats.updated ? '' : 'not yours' }))
  },

  remove(e) {
    board.doc(e.currentTarget.dataset.id).remove()
  }
})
