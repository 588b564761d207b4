module.exports = Behavior({
  properties: { title: { type: String, value: 'untitled' } },
  data: { selected: false, meta: { from: 'behavior', level: 1 } },
  lifetimes: { attached() { this.setData({ order: (this.data.order || []).concat(['behavior']) }) } },
  methods: {
    toggle() {
      this.setData({ selected: !this.data.selected })
      this.triggerEvent('select', { selected: this.data.selected })
    },
    describe() { return 'behavior' }
  }
})
