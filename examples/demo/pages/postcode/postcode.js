// Juhe's postcode API by GET (parameters in the query) or POST (a form body), with a loading toast while
// the request runs and the addresses as a list.
const { POSTCODE_API, JUHE_KEY } = require('../../utils/config')

Page({
  data: { postcode: '215001', method: '', results: [], total: 0, message: '' },

  onInput(e) {
    this.setData({ postcode: e.detail.value })
  },

  queryByGet() {
    this.query('GET')
  },

  queryByPost() {
    this.query('POST')
  },

  query(method) {
    const postcode = this.data.postcode.trim()
    if (!/^\d{6}$/.test(postcode)) {
      wx.showToast({ title: 'A postcode has 6 digits', icon: 'none' })
      return
    }
    wx.showToast({ title: 'Querying…', icon: 'loading', duration: 10000, mask: true })
    wx.request({
      url: POSTCODE_API,
      method,
      data: { postcode, key: JUHE_KEY, page: 1, pagesize: 20, dtype: 'json' },
      header: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      success: ({ statusCode, data }) => {
        if (statusCode !== 200 || data.error_code !== 0) {
          this.setData({ method, results: [], total: 0, message: data.reason || `HTTP ${statusCode}` })
          return
        }
        this.setData({ method, results: data.result.list, total: data.result.totalcount, message: '' })
      },
      fail: ({ errMsg }) => this.setData({ method, results: [], total: 0, message: errMsg }),
      complete: () => wx.hideToast()
    })
  }
})
