// A page built with Component(), as WeChat allows: behaviors, observers, lifetimes, pageLifetimes, the query's values
// in properties of the same names, and methods as the page's hooks and handlers.
const app = getApp()

const counting = Behavior({
  data: { fromBehavior: 'mixed in' },
  lifetimes: { attached() { app.record('behavior attached') } },
  methods: { bump(by) { this.setData({ n: this.data.n + by }) } }
})

Component({
  behaviors: [counting],
  properties: {
    id: { type: Number, value: 0, observer(now, old) { app.record('id ' + old + '->' + now) } },
    title: String
  },
  data: { n: 1, doubled: 2 },
  observers: {
    n(n) { this.setData({ doubled: n * 2 }) }
  },
  lifetimes: {
    created() { app.record('page created ' + this.data.id) },
    attached() { app.record('page attached ' + this.data.title) },
    ready() { app.record('page ready') },
    detached() { app.record('page detached') }
  },
  pageLifetimes: {
    show() { app.record('pageLifetimes show') },
    hide() { app.record('pageLifetimes hide') }
  },
  methods: {
    onLoad(query) { app.record('onLoad ' + query.id + ' ' + typeof this.data.id) },
    onShow() { app.record('onShow') },
    onReady() { app.record('onReady') },
    tap() { this.bump(this.hasBehavior(counting) ? 2 : 1) }
  }
})
