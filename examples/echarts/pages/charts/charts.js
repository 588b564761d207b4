const echarts = require('echarts')

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const COLORS = ['#1989fa', '#07c160', '#fa541c', '#722ed1']

function chartOn(page, name, option) {
  return function onInit(canvas, width, height, dpr) {
    page.started[name] = Date.now()
    const chart = echarts.init(canvas, null, { width, height, devicePixelRatio: dpr })
    canvas.setChart(chart)
    chart.on('finished', () => page.finished(name))
    chart.on('click', (params) => page.setData({ clicked: name + ' ' + params.name + ' ' + params.value }))
    chart.setOption(Object.assign({ color: COLORS }, option))
    page.charts[name] = chart
    return chart
  }
}

Page({
  // ECharts' lazy-load pattern: the components wait (lazyLoad) and the page hands each one its init function
  data: { line: { lazyLoad: true }, bar: { lazyLoad: true }, pie: { lazyLoad: true }, clicked: '', drawn: '' },

  onLoad(query) {
    this.charts = {}
    this.done = new Set()
    this.started = {}
    this.firstDraw = {} // ms from echarts.init to the chart's first 'finished' (docs/benchmarks.md)
    const points = Number(query.points || 0)
    const line = points > 0
      ? { animation: false, xAxis: { type: 'category', data: Array.from({ length: points }, (_, i) => String(i)) }, yAxis: { type: 'value' },
          series: [{ type: 'line', showSymbol: false, data: Array.from({ length: points }, (_, i) => Math.round(50 + 40 * Math.sin(i / 20) + (i * 7919 % 13))) }] }
      : { tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: DAYS }, yAxis: { type: 'value' },
          series: [{ name: '访问', type: 'line', smooth: true, data: [820, 932, 901, 934, 1290, 1330, 1320] }] }
    this.options = {
      line,
      bar: {
        xAxis: { type: 'category', data: DAYS }, yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [120, 200, 150, 80, 70, 110, 130], itemStyle: { color: '#07c160' } }]
      },
      pie: {
        legend: { top: 0, data: ['直接访问', '邮件营销', '联盟广告', '视频广告'] },
        series: [{ type: 'pie', radius: ['30%', '60%'], center: ['50%', '58%'], data: [
          { name: '直接访问', value: 335 }, { name: '邮件营销', value: 310 }, { name: '联盟广告', value: 234 }, { name: '视频广告', value: 135 }
        ] }]
      }
    }
  },

  onReady() {
    for (const name of ['line', 'bar', 'pie']) {
      this.selectComponent('#' + name).init(chartOn(this, name, this.options[name]))
    }
  },

  finished(name) {
    if (this.done.has(name)) return
    this.firstDraw[name] = Date.now() - this.started[name]
    this.done.add(name)
    this.setData({ drawn: Array.from(this.done).sort().join(',') })
  },

  /** Where a bar's top centre is, in the bar chart's canvas (for tests and demos). */
  barPoint(index) {
    const chart = this.charts.bar
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [index, chart.getOption().series[0].data[index]])
    return { x, y: y + 5 }
  }
})
