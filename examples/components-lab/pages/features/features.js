Page({
  data: { submitted: null, routeDones: 0 },
  onRouteDone() { this.setData({ routeDones: this.data.routeDones + 1 }); },
  onSubmit(e) { this.setData({ submitted: e.detail.value }); }
});
