// <ec-canvas ec="{{ {onInit} }}">: finds its <canvas type="2d">, wraps it for ECharts (WxCanvas) and hands it to the
// page's onInit(canvas, width, height, dpr), which calls echarts.init. Finger events become the mouse and gesture
// events ECharts' zrender handler understands, so taps reach chart.on('click').
const echarts = require('echarts')
const WxCanvas = require('./wx-canvas')

function touchEvent(e) {
  const list = (e.touches && e.touches.length ? e.touches : e.changedTouches) || []
  return {
    preventDefault() {},
    stopPropagation() {},
    touches: list.map(t => ({ zrX: t.x, zrY: t.y, x: t.x, y: t.y })),
    zrX: list.length ? list[0].x : 0,
    zrY: list.length ? list[0].y : 0
  }
}

Component({
  properties: {
    canvasId: { type: String, value: 'ec-canvas' },
    canvasStyle: { type: String, value: '' },
    ec: { type: Object }
  },

  lifetimes: {
    ready() {
      if (!this.data.ec) {
        console.warn('ec-canvas: set ec="{{ ec }}" with an onInit function on the page')
        return
      }
      if (!this.data.ec.lazyLoad) this.init()
    }
  },

  methods: {
    init(callback) {
      this.createSelectorQuery().select('.ec-canvas').fields({ node: true, size: true }).exec((res) => {
        const found = res[0]
        if (!found || !found.node) return
        const node = found.node
        const dpr = wx.getWindowInfo().pixelRatio
        const canvas = new WxCanvas(node.getContext('2d'), this.data.canvasId, node)
        if (typeof echarts.setPlatformAPI === 'function') {
          echarts.setPlatformAPI({ createCanvas: () => canvas })
        } else if (typeof echarts.setCanvasCreator === 'function') {
          echarts.setCanvasCreator(() => canvas)
        }
        const onInit = typeof callback === 'function' ? callback : this.data.ec.onInit
        if (typeof onInit === 'function') this.chart = onInit(canvas, found.width, found.height, dpr)
        this.triggerEvent('inited', { width: found.width, height: found.height })
      })
    },

    dispatch(type, e) {
      if (!this.chart) return null
      const handler = this.chart.getZr().handler
      const ev = touchEvent(e)
      handler.dispatch(type, ev)
      return { handler, ev }
    },

    touchStart(e) {
      const d = this.dispatch('mousedown', e)
      if (!d) return
      d.handler.dispatch('mousemove', d.ev)
      d.handler.processGesture(d.ev, 'start')
    },

    touchMove(e) {
      const d = this.dispatch('mousemove', e)
      if (d) d.handler.processGesture(d.ev, 'change')
    },

    touchEnd(e) {
      const d = this.dispatch('mouseup', e)
      if (!d) return
      d.handler.dispatch('click', d.ev)
      d.handler.processGesture(d.ev, 'end')
    }
  }
})
