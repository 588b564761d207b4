// wx.request for an HTML page: the body arrives as a string (it is not JSON) and goes into a textarea.
const { HOME_PAGE } = require('../../utils/config')
const format = require('../../utils/format')

Page({
  data: { url: HOME_PAGE, loading: false, html: '', status: 0, contentType: '', length: '', title: '', error: '' },

  fetch() {
    this.setData({ loading: true, error: '' })
    wx.request({
      url: this.data.url,
      dataType: 'text',
      success: ({ statusCode, header, data }) => {
        const title = /<title>([^<]*)<\/title>/i.exec(data)
        this.setData({
          status: statusCode,
          contentType: format.header(header, 'Content-Type') || '—',
          length: format.size(Number(format.header(header, 'Content-Length')) || data.length),
          title: title ? title[1] : '(no title)',
          html: data
        })
      },
      fail: ({ errMsg }) => this.setData({ error: errMsg }),
      complete: () => this.setData({ loading: false })
    })
  },

  clear() {
    this.setData({ html: '', status: 0 })
  }
})
