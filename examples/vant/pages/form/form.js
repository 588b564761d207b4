const pad = (n) => (n < 10 ? '0' + n : '' + n);
const format = (ms) => { const d = new Date(ms); return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); };

Page({
  data: {
    keyword: '', searched: '', name: '', note: '', phone: '', phoneError: '',
    agree: false, allFruits: ['apple', 'pear', 'plum'], fruits: ['pear'], size: 'M',
    notify: true, qty: 1, rate: 3, volume: 50,
    cities: ['Hangzhou', 'Ningbo', 'Wenzhou', 'Shaoxing'], city: 'Ningbo',
    date: new Date(2024, 4, 20).getTime(), minDate: new Date(2020, 0, 1).getTime(), maxDate: new Date(2030, 11, 31).getTime(),
    dateText: '2024-05-20'
  },
  onSearch(e) { this.setData({ keyword: e.detail }); },
  onSearchDone(e) { this.setData({ searched: e.detail }); },
  onName(e) { this.setData({ name: e.detail }); },
  onNote(e) { this.setData({ note: e.detail }); },
  onPhone(e) { this.setData({ phone: e.detail }); },
  checkPhone() { this.setData({ phoneError: /^1\d{10}$/.test(this.data.phone) ? '' : 'Invalid phone number' }); },
  onAgree(e) { this.setData({ agree: e.detail }); },
  onFruits(e) { this.setData({ fruits: e.detail }); },
  onSize(e) { this.setData({ size: e.detail }); },
  onNotify(e) { this.setData({ notify: e.detail }); },
  onQty(e) { this.setData({ qty: e.detail }); },
  onRate(e) { this.setData({ rate: e.detail }); },
  onVolume(e) { this.setData({ volume: e.detail }); },
  onCity(e) { this.setData({ city: e.detail.value }); },
  onDate(e) { this.setData({ date: e.detail, dateText: format(e.detail) }); }
});
