function greet(who) { return 'hello ' + who; }

Page({
  data: { submitted: null, routeDones: 0, hooks: { title: 'Hooks', onInit: greet }, greet: greet },
  onRouteDone() { this.setData({ routeDones: this.data.routeDones + 1 }); },
  onSubmit(e) { this.setData({ submitted: e.detail.value }); },
  swapGreet() { this.setData({ greet: function (w) { return 'hi ' + w; } }); },
  swapHooks() { this.setData({ hooks: { title: 'Swapped', onInit: function (w) { return 'swapped ' + w; } } }); }
});
