// Promise code that forgets its catch, as real pages do.
Page({
  async loadToken() {
    const res = await wx.getStorage({ key: 'token' })
    this.setData({ token: res.data })
  },
  async parse() {
    throw new TypeError('profile is not valid JSON')
  },
  plain() {
    Promise.reject({ code: 42 })
  }
})
