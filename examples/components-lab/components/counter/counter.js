const app = getApp()
Component({
  externalClasses: ['label-class'],
  properties: {
    count: { type: Number, value: 0, observer(now, old) { this.setData({ history: this.data.history.concat([old + '->' + now]) }) } },
    step: { type: Number, value: 1 },
    label: String
  },
  data: { doubled: 0, history: [], _secret: 1 },
  options: { pureDataPattern: /^_/ },
  observers: {
    count(count) { this.setData({ doubled: count * 2 }) }
  },
  lifetimes: {
    created() { app.record('counter created ' + this.data.count) },
    attached() { app.record('counter attached ' + this.data.count) },
    ready() { app.record('counter ready') },
    detached() { app.record('counter detached') }
  },
  pageLifetimes: {
    show() { app.record('counter show') },
    hide() { app.record('counter hide') }
  },
  methods: {
    increment() {
      this.setData({ count: this.data.count + this.data.step })
      this.triggerEvent('change', { count: this.data.count })
    },
    reset(to) { this.setData({ count: to || 0 }); return this.data.count }
  }
})
