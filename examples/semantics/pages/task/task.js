// A download-style page: the request task is kept in data so that a cancel button can abort it.
Page({
  data: { task: null, result: 'waiting' },
  onLoad(query) {
    const task = wx.request({
      url: decodeURIComponent(query.url),
      success: (res) => this.setData({ result: 'ok ' + res.statusCode }),
      fail: (err) => this.setData({ result: err.errMsg })
    })
    this.setData({ task })
  },
  cancel() {
    this.data.task.abort()
  }
})
