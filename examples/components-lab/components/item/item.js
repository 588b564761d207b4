const selectable = require('../../behaviors/selectable')
Component({
  behaviors: [selectable],
  options: { multipleSlots: true },
  data: { meta: { level: 2 } },
  lifetimes: { attached() { this.setData({ order: (this.data.order || []).concat(['component']) }) } },
  methods: { describe() { return 'item' } }
})
