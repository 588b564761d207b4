const scenes = require('../../utils/scenes.js')

Page({
  data: { names: scenes.names, scene: 'shapes', state: '', path: '', touches: '' },

  onLoad(query) {
    if (query.scene) this.setData({ scene: query.scene })
  },

  onReady() {
    wx.createSelectorQuery().select('#board').fields({ node: true, size: true }).exec((res) => {
      const canvas = res[0].node
      const dpr = wx.getWindowInfo().pixelRatio
      canvas.width = res[0].width * dpr
      canvas.height = res[0].height * dpr
      this.canvas = canvas
      this.ctx = canvas.getContext('2d')
      this.ctx.scale(dpr, dpr)
      this.images = {}
      let waiting = 2
      for (const name of ['avatar', 'tile']) {
        const img = canvas.createImage()
        img.onload = () => { this.images[name] = img; if (--waiting === 0) this.draw() }
        img.onerror = () => { if (--waiting === 0) this.draw() }
        img.src = '/images/' + name + '.png'
      }
    })
  },

  choose(e) {
    this.setData({ scene: e.currentTarget.dataset.name, state: '', path: '' })
    this.draw()
  },

  draw() {
    const ctx = this.ctx
    ctx.clearRect(0, 0, 300, 200)
    ctx.save()
    scenes[this.data.scene](ctx, this.images)
    ctx.restore()
    wx.canvasToTempFilePath({
      canvas: this.canvas,
      success: (r) => this.setData({ path: r.tempFilePath, state: 'drawn ' + this.data.scene }),
      fail: (e) => this.setData({ state: e.errMsg })
    })
  },

  touch(e) {
    const t = e.changedTouches[0]
    this.setData({ touches: e.type + ' ' + Math.round(t.x) + ',' + Math.round(t.y) })
  }
})
