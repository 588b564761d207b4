Page({
  data: {
    sort: 0, sorts: [{ text: 'All', value: 0 }, { text: 'New', value: 1 }],
    tree: [{ text: 'Zhejiang', children: [{ text: 'Hangzhou', id: 1 }, { text: 'Ningbo', id: 2 }] }],
    mainIndex: 0, activeId: 1,
    files: [], cascade: true, area: '',
    areas: [{ text: 'Zhejiang', value: '33', children: [{ text: 'Hangzhou', value: '3301' }] }],
    share: false, shareOptions: [{ name: 'WeChat', icon: 'wechat' }], side: 0,
    steps: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }], theme: { buttonPrimaryBackgroundColor: '#f00' },
    log: [], event: null
  },
  // handlers keep the event's type and detail: the test checks they are shaped as Vant documents them
  keep(e, what) { this.setData({ event: { type: e.type, detail: e.detail }, log: this.data.log.concat([what]) }); },
  onSort(e) { this.setData({ sort: e.detail }); },
  onNav(e) { this.setData({ mainIndex: e.detail.index }); },
  onItem(e) { this.setData({ activeId: e.detail.id }); },
  onRead(e) { this.keep(e, 'read'); this.setData({ files: this.data.files.concat([{ url: e.detail.file.url || e.detail.file.tempFilePath }]) }); },
  onFinish(e) { this.keep(e, 'finish'); this.setData({ area: e.detail.selectedOptions.map((o) => o.text).join('/') }); },
  onSide(e) { this.setData({ side: e.detail }); },
  onSticky(e) { this.keep(e, 'sticky ' + e.detail.isFixed); },
  onBack(e) { this.keep(e, 'back'); },
  openShare() { this.setData({ share: true }); },
  onShare(e) { this.keep(e, 'share ' + e.detail.name); this.setData({ share: false }); },
  closeShare() { this.setData({ share: false }); },
  onCart(e) { this.keep(e, 'cart'); },
  onBuy(e) { this.keep(e, 'buy'); },
  onSubmit(e) { this.keep(e, 'submit'); },
  onCountDown(e) { this.setData({ remaining: e.detail.seconds }); }
});
