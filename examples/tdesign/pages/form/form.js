Page({
  data: {
    keyword: '', submitted: '', name: '', intro: '', allFruits: ['apple', 'pear', 'plum'], fruits: ['pear'],
    size: 'M', notify: true, qty: 1, stars: 3, date: '2024-05-20', dateVisible: false,
    city: ['ningbo'], cityVisible: false,
    cities: [{ label: 'Hangzhou', value: 'hangzhou' }, { label: 'Ningbo', value: 'ningbo' },
      { label: 'Wenzhou', value: 'wenzhou' }],
    event: null
  },
  // every handler keeps the event's type and detail: the test checks they are shaped as TDesign documents them
  keep(e) { this.setData({ event: { type: e.type, detail: e.detail } }); },
  onSearch(e) { this.keep(e); this.setData({ keyword: e.detail.value }); },
  onSubmit(e) { this.keep(e); this.setData({ submitted: e.detail.value }); },
  onName(e) { this.keep(e); this.setData({ name: e.detail.value }); },
  onIntro(e) { this.keep(e); this.setData({ intro: e.detail.value }); },
  onFruits(e) { this.keep(e); this.setData({ fruits: e.detail.value }); },
  onSize(e) { this.keep(e); this.setData({ size: e.detail.value }); },
  onNotify(e) { this.keep(e); this.setData({ notify: e.detail.value }); },
  onQty(e) { this.keep(e); this.setData({ qty: e.detail.value }); },
  onStars(e) { this.keep(e); this.setData({ stars: e.detail.value }); },
  openDate() { this.setData({ dateVisible: true }); },
  closeDate() { this.setData({ dateVisible: false }); },
  onDate(e) { this.keep(e); this.setData({ date: e.detail.value, dateVisible: false }); },
  openCity() { this.setData({ cityVisible: true }); },
  closeCity() { this.setData({ cityVisible: false }); },
  onCity(e) { this.keep(e); this.setData({ city: e.detail.value, cityVisible: false }); }
});
