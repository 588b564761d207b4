Component({
  properties: { heading: String },
  data: { value: 10, innerEvents: 0, pings: [] },
  methods: {
    onInnerCounter(e) {
      this.setData({ value: e.detail.count, innerEvents: this.data.innerEvents + 1 })
      this.triggerEvent('panelchange', { value: e.detail.count }, { bubbles: true })
    },
    onInnerChange() { this.setData({ bubbledInside: true }) },
    onProbePing(e) { this.setData({ pings: this.data.pings.concat(['probe:' + e.target.id + ':' + e.detail.from]) }) },
    onViewPing(e) { this.setData({ pings: this.data.pings.concat(['view:' + e.target.id + ':' + e.currentTarget.id]) }) },
    inner() { return this.selectComponent('#inner') }
  }
})
