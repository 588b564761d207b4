// WeUI's action sheet takes a flat list of actions and wraps it into one group in its property observer
Component({
  properties: { actions: { type: Array, value: [], observer: '_groupChange' } },
  methods: {
    _groupChange(e) {
      if (e.length > 0 && !(e[0] instanceof Array)) this.setData({ actions: [this.data.actions] })
    },
    tap(e) { this.triggerEvent('actiontap', { value: e.currentTarget.dataset.value }) }
  }
})
