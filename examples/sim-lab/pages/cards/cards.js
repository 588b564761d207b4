// 200 custom components for the property-change benchmark: a tap on a card raises that card's value property.
const items = []
for (let i = 0; i < 200; i++) items.push({ id: i, title: 'Card ' + i, value: 0 })

Page({
  data: { items, taps: 0 },
  bump(e) {
    const i = e.currentTarget.dataset.index
    this.setData({ [`items[${i}].value`]: this.data.items[i].value + 1, taps: this.data.taps + 1 })
  }
})
