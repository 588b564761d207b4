// A signature pad on the legacy canvas API: each finger move draws a segment and keeps what was drawn (draw(true)).
Page({
  data: { strokes: 0, result: '' },

  onReady() {
    this.ctx = wx.createCanvasContext('pad')
    this.clear()
  },

  clear() {
    const ctx = this.ctx
    ctx.setFillStyle('#ffffff')
    ctx.fillRect(0, 0, 300, 200)
    ctx.draw()
    this.setData({ strokes: 0, result: '' })
  },

  start(e) {
    this.last = e.touches[0]
  },

  move(e) {
    const p = e.touches[0]
    const ctx = this.ctx
    ctx.setStrokeStyle('#1f1f1f')
    ctx.setLineWidth(4)
    ctx.setLineCap('round')
    ctx.beginPath()
    ctx.moveTo(this.last.x, this.last.y)
    ctx.lineTo(p.x, p.y)
    ctx.stroke()
    ctx.draw(true)
    this.last = p
  },

  end() {
    this.setData({ strokes: this.data.strokes + 1 })
  },

  save() {
    wx.canvasToTempFilePath({
      canvasId: 'pad',
      fileType: 'png',
      success: (r) => {
        wx.saveImageToPhotosAlbum({
          filePath: r.tempFilePath,
          success: () => this.setData({ result: 'saved ' + r.tempFilePath }),
          fail: (e) => this.setData({ result: e.errMsg })
        })
      },
      fail: (e) => this.setData({ result: e.errMsg })
    }, this)
  }
})
