Page({
  data: {
    tabs: ['News', 'Sports', 'Music'], tab: 0, open: ['ship'], bar: 0,
    calendar: false, picked: '',
    minDate: new Date(2024, 4, 1).getTime(), maxDate: new Date(2024, 5, 30).getTime(), defaultDate: new Date(2024, 4, 20).getTime()
  },
  onTab(e) { this.setData({ tab: e.detail.name }); },
  onCollapse(e) { this.setData({ open: e.detail }); },
  onBar(e) { this.setData({ bar: e.detail }); },
  openCalendar() { this.setData({ calendar: true }); },
  closeCalendar() { this.setData({ calendar: false }); },
  onConfirmDate(e) {
    const d = new Date(e.detail);
    this.setData({ calendar: false, picked: (d.getMonth() + 1) + '/' + d.getDate() });
  }
});
