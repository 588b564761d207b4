Page({
  data: {
    sort: 0, sorts: [{ text: 'All', value: 0 }, { text: 'New', value: 1 }],
    tree: [{ text: 'Zhejiang', children: [{ text: 'Hangzhou', id: 1 }, { text: 'Ningbo', id: 2 }] }],
    mainIndex: 0, activeId: 1,
    files: [], cascade: true,
    areas: [{ text: 'Zhejiang', value: '33', children: [{ text: 'Hangzhou', value: '3301' }] }],
    share: false, shareOptions: [{ name: 'WeChat', icon: 'wechat' }], side: 0,
    steps: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }], theme: { buttonPrimaryBackgroundColor: '#f00' }
  },
  onSort(e) { this.setData({ sort: e.detail }); },
  onNav(e) { this.setData({ mainIndex: e.detail.index }); },
  onItem(e) { this.setData({ activeId: e.detail.id }); },
  onRead() {},
  onFinish() {},
  onSide(e) { this.setData({ side: e.detail }); }
});
