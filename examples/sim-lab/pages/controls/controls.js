Page({
  data: {
    typed: '', events: '', fruitList: ['apple', 'pear', 'plum'], cities: ['Beijing', 'Shanghai', 'Shenzhen'], cityIndex: 0,
    progress: 40, slide: 0, rich: '<p>Rich <b>text</b> <img src="x" onerror="alert(1)"><script>alert(2)</script></p>'
  },
  log(text) { this.setData({ events: text }) },
  typed(e) { this.setData({ typed: e.detail.value }) },
  fruits(e) { this.log('fruits ' + e.detail.value.join(',')) },
  size(e) { this.log('size ' + e.detail.value) },
  toggled(e) { this.log('notify ' + e.detail.value) },
  slid(e) { this.log('volume ' + e.detail.value); this.setData({ progress: e.detail.value * 10 }) },
  picked(e) { this.setData({ cityIndex: Number(e.detail.value) }); this.log('city ' + e.detail.value) },
  swiped(e) { this.log('slide ' + e.detail.current + ' by ' + e.detail.source) },
  lower() { this.log('scrolled to the end') },
  submit(e) { this.log('submit ' + JSON.stringify(e.detail.value)) },
  reset() { this.log('reset') }
})
