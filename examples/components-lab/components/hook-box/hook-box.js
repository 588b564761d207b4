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
      const { options, literal } = this.data;
      if (options && typeof options.onInit === 'function') calls.push(options.onInit('options'));
      if (typeof this.data.callback === 'function') calls.push(this.data.callback('callback'));
      if (literal && typeof literal.onInit === 'function') calls.push(literal.onInit('literal'));
      this.setData({ calls: calls });
    }
  },
  observers: {
    options(o) { if (o && typeof o.onInit === 'function') this.setData({ observed: o.onInit('observer') }); },
    literal(l) {
      if (!l || typeof l.onInit !== 'function') return;
      this.setData({ literalSeen: (this.data.literalSeen || []).concat([l.onInit('observer')]) });
    },
    callback(fn) {
      if (typeof fn !== 'function') return;
      this.setData({ callbackSeen: (this.data.callbackSeen || []).concat([fn('observer')]) });
    }
  }
});
