// Properties bound to the owner's functions: they arrive as the functions themselves, as in WeChat's logic layer.
Component({
  properties: {
    options: Object,
    callback: null,
    literal: Object,
    label: String
  },
  data: { calls: [], seenInCreated: '' },
  lifetimes: {
    created() { this.setData({ seenInCreated: this.data.label }); },
    attached() {
      const calls = [];
      if (this.data.options && typeof this.data.options.onInit === 'function') calls.push(this.data.options.onInit('options'));
      if (typeof this.data.callback === 'function') calls.push(this.data.callback('callback'));
      if (this.data.literal && typeof this.data.literal.onInit === 'function') calls.push(this.data.literal.onInit('literal'));
      this.setData({ calls: calls });
    }
  },
  observers: {
    options(o) { if (o && typeof o.onInit === 'function') this.setData({ observed: o.onInit('observer') }); },
    callback(fn) {
      if (typeof fn === 'function') this.setData({ callbackSeen: (this.data.callbackSeen || []).concat([fn('observer')]) });
    }
  }
});
