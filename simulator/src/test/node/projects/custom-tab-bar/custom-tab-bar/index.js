// The tab bar of this fixture: items from its own data, a tap switches tabs, each tab page's onShow selects
// its item through this.getTabBar().
Component({
  data: {
    selected: 0,
    color: '#7a7e83',
    selectedColor: '#07c160',
    items: [
      { pagePath: '/pages/home/home', text: 'Home', unread: 0 },
      { pagePath: '/pages/me/me', text: 'Me', unread: 3 }
    ]
  },
  methods: {
    onItemTap(e) {
      const { path, index } = e.currentTarget.dataset
      wx.switchTab({ url: path })
      this.setData({ selected: index })
    }
  }
})
