// weui's slideview sample: a cell with swipe buttons.
Page({
  data: {
    slideButtons: [{ text: 'Normal' }, { text: 'Special', extClass: 'special' }, { type: 'warn', text: 'Delete' }],
    tapped: ''
  },
  slideButtonTap(e) {
    this.setData({ tapped: 'button ' + e.detail.index })
  }
})
