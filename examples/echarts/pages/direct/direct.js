// ECharts' documented pattern without lazyLoad: the page's data holds the init function and ec-canvas, given it
// through ec="{{ ec }}", calls it when ready (component properties pass functions within the logic layer).
const echarts = require('echarts')

function initChart(canvas, width, height, dpr) {
  const chart = echarts.init(canvas, null, { width, height, devicePixelRatio: dpr })
  canvas.setChart(chart)
  chart.on('finished', () => {
    const page = getCurrentPages()[getCurrentPages().length - 1]
    if (page.data.drawn !== 'bar') page.setData({ drawn: 'bar' })
  })
  chart.setOption({
    animation: false,
    xAxis: { type: 'category', data: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: [120, 200, 150, 80, 70], itemStyle: { color: '#07c160' } }]
  })
  return chart
}

Page({
  data: { ec: { onInit: initChart }, drawn: '' }
})
