// The widely copied calendar component's pattern: the setData callback reads this.data.
Component({
  data: { month: 1, days: [], label: '' },
  methods: {
    next() {
      this.setData({ month: this.data.month + 1 }, function () {
        this.setData({ label: 'month ' + this.data.month })
        this.triggerEvent('pick', { day: this.data.month + '-1' })
      })
    }
  }
})
