Page({
  data: { keyword: '', name: '', allFruits: ['apple', 'pear', 'plum'], fruits: ['pear'], size: 'M', notify: true, qty: 1, date: '2024-05-20', dateVisible: false },
  onSearch(e) { this.setData({ keyword: e.detail.value }); },
  onName(e) { this.setData({ name: e.detail.value }); },
  onFruits(e) { this.setData({ fruits: e.detail.value }); },
  onSize(e) { this.setData({ size: e.detail.value }); },
  onNotify(e) { this.setData({ notify: e.detail.value }); },
  onQty(e) { this.setData({ qty: e.detail.value }); },
  openDate() { this.setData({ dateVisible: true }); },
  closeDate() { this.setData({ dateVisible: false }); },
  onDate(e) { this.setData({ date: e.detail.value, dateVisible: false }); }
});
