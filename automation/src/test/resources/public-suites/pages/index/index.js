Page({
  data: { weight: 50, note: 'soup', day: '12月6日', options: [] },
  onLoad() {
    this.setData({ options: [{ text: 'breakfast', value: 0 }, { text: 'lunch', value: 1 }] })
  },
  picked(e) { this.setData({ picked: e.detail.value }) }
})
