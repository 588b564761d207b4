// One card: its value property's observer sets a level of its own, as components commonly derive view state.
Component({
  properties: {
    title: String,
    value: {
      type: Number,
      value: 0,
      observer(now) {
        this.setData({ level: now > 9 ? 'high' : 'low' })
      }
    }
  },
  data: { level: 'low' }
})
