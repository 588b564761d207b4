Component({
  properties: {
    flag: Boolean, num: Number, str: String, arr: Array, obj: Object, any: null,
    multi: { type: String, optionalTypes: [Number] }
  },
  data: { seen: [], deep: { a: 1, b: { c: 2 } }, _hidden: 'logic only' },
  options: { pureDataPattern: /^_/ },
  observers: {
    'deep.a': function (a) { this.data.seen.push('deep.a=' + a) },
    'deep.b.**': function (b) { this.data.seen.push('deep.b.**=' + JSON.stringify(b)) },
    'num, str': function (num, str) { this.data.seen.push('num,str=' + num + ',' + str) },
    '**': function () { this.data.seen.push('**') }
  },
  methods: {
    fire(name, options) { this.triggerEvent(name, { from: 'probe' }, options) },
    seen() { const s = this.data.seen.slice(); this.data.seen.length = 0; return s },
    coerce(values) { this.setData({ last: null }); return values }
  }
})
