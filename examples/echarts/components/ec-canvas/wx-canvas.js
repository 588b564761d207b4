// What ECharts draws on in a mini program: a DOM-like wrapper of a <canvas type="2d"> node and its context, as
// ECharts' mini-program adapter expects (getContext, width/height, events the chart attaches to). Written for
// Sparrow's example after ECharts' published adapter API.
class WxCanvas {
  constructor(ctx, canvasId, node) {
    this.ctx = ctx
    this.canvasId = canvasId
    this.canvasNode = node
    this.chart = null
    this.event = {}
    Object.defineProperty(this, 'width', { get: () => node.width, set: (w) => { node.width = w } })
    Object.defineProperty(this, 'height', { get: () => node.height, set: (h) => { node.height = h } })
  }

  getContext(type) {
    return type === '2d' ? this.ctx : null
  }

  setChart(chart) {
    this.chart = chart
  }

  addEventListener() {}

  removeEventListener() {}

  attachEvent() {}

  detachEvent() {}
}

module.exports = WxCanvas
