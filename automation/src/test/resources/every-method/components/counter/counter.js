Component({
  properties: { step: { type: Number, value: 1 } },
  data: { count: 0 },
  methods: {
    bump() {
      this.setData({ count: this.data.count + this.data.step })
      this.triggerEvent('counted', { value: this.data.count })
      return this.data.count
    }
  }
})
