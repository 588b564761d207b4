Component({
  properties: { heading: String },
  data: { value: 10, innerEvents: 0 },
  methods: {
    onInnerCounter(e) {
      this.setData({ value: e.detail.count, innerEvents: this.data.innerEvents + 1 })
      this.triggerEvent('panelchange', { value: e.detail.count }, { bubbles: true })
    },
    onInnerChange() { this.setData({ bubbledInside: true }) },
    inner() { return this.selectComponent('#inner') }
  }
})
