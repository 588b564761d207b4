// A share poster as real apps make them: background picture, round avatar, a title and a paragraph of Chinese text
// wrapped by measureText, a QR code, decorations; exported at 750×1334 and saved to the album.
const { W, H, drawPoster } = require('../../utils/draw.js')

function loadImage(canvas, src) {
  return new Promise((resolve, reject) => {
    const img = canvas.createImage()
    img.onload = () => resolve(img)
    img.onerror = reject
    img.src = src
  })
}

Page({
  data: { status: '', path: '', lines: 0 },

  onReady() {
    wx.createSelectorQuery().select('#poster').fields({ node: true, size: true }).exec(async (res) => {
      const canvas = res[0].node
      const dpr = wx.getWindowInfo().pixelRatio
      canvas.width = res[0].width * dpr
      canvas.height = res[0].height * dpr
      this.canvas = canvas
      this.ctx = canvas.getContext('2d')
      this.ctx.scale(dpr, dpr)
      try {
        this.images = {
          bg: await loadImage(canvas, '/images/bg.png'),
          avatar: await loadImage(canvas, '/images/avatar.png'),
          qr: await loadImage(canvas, '/images/qr.png')
        }
      } catch (e) {
        this.setData({ status: '图片加载失败' })
        return
      }
      this.draw()
    })
  },

  draw() {
    this.ctx.clearRect(0, 0, W, H)
    const lines = drawPoster(this.ctx, this.images)
    wx.canvasToTempFilePath({
      canvas: this.canvas,
      destWidth: 750,
      destHeight: 1334,
      success: (r) => this.setData({ path: r.tempFilePath, lines, status: '已生成 ' + r.tempFilePath }),
      fail: (e) => this.setData({ status: e.errMsg })
    })
  },

  /** One frame (draw and hand to the canvas), in ms: for docs/benchmarks.md. */
  timeFrame() {
    const t0 = Date.now()
    this.ctx.clearRect(0, 0, W, H)
    drawPoster(this.ctx, this.images)
    this.ctx.getImageData(0, 0, 1, 1)
    return Date.now() - t0
  },

  /** Draw and export at 750×1334, in ms: for docs/benchmarks.md. */
  timeExport() {
    const t0 = Date.now()
    this.ctx.clearRect(0, 0, W, H)
    drawPoster(this.ctx, this.images)
    return new Promise((resolve, reject) => wx.canvasToTempFilePath({
      canvas: this.canvas, destWidth: 750, destHeight: 1334,
      success: () => resolve(Date.now() - t0), fail: reject
    }))
  },

  save() {
    if (!this.data.path) return
    wx.saveImageToPhotosAlbum({
      filePath: this.data.path,
      success: () => this.setData({ status: '已保存到相册' }),
      fail: (e) => this.setData({ status: e.errMsg })
    })
  }
})
