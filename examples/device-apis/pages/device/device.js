// Device calls as real apps make them: a scan button, a compass needle, shake detection, a shop's checkout.
Page({
  data: { log: [] },
  note(text) {
    this.setData({ log: this.data.log.concat(text) })
  },
  onLoad() {
    wx.onCompassChange(res => this.setData({ direction: res.direction }))
    wx.startCompass()
    wx.onAccelerometerChange(res => {
      if (Math.abs(res.x) > 1.5 && !this.data.shaken) this.setData({ shaken: true })
    })
    wx.startAccelerometer({ interval: 'game' })
    wx.onUserCaptureScreen(() => this.note('screenshot'))
    wx.onKeyboardHeightChange(res => this.setData({ keyboard: res.height }))
    wx.setKeepScreenOn({ keepScreenOn: true })
    wx.loadFontFace({ family: 'Bitter', source: 'url("https://example.com/bitter.woff")', success: res => this.note('font ' + res.status) })
    const b64 = wx.arrayBufferToBase64(new Uint8Array([104, 105, 255]).buffer)
    this.setData({ b64, back: Array.from(new Uint8Array(wx.base64ToArrayBuffer(b64))).join(',') })
    wx.cloud.init({ env: 'prod', fail: res => this.note(res.errMsg) })
    wx.cloud.callFunction({ name: 'login' }).catch(err => this.note(err.errMsg))
  },
  scan() {
    wx.scanCode({ success: res => this.note(res.scanType + ' ' + res.result), fail: res => this.note(res.errMsg) })
  },
  stopSensors() {
    wx.stopCompass()
    wx.stopAccelerometer()
  },
  brighter() {
    wx.setScreenBrightness({ value: 0.8, success: () => wx.getScreenBrightness({ success: res => this.note('brightness ' + res.value) }) })
  },
  call() {
    wx.makePhoneCall({ phoneNumber: '10086', success: res => this.note(res.errMsg) })
  },
  login() {
    wx.getUserProfile({ desc: 'to show your name', success: res => this.note(res.userInfo.nickName), fail: res => this.note(res.errMsg) })
  },
  pay() {
    wx.requestPayment({
      timeStamp: '1700000000', nonceStr: 'abc', package: 'prepay_id=wx1', signType: 'RSA', paySign: 'sig',
      success: res => this.note(res.errMsg), fail: res => this.note(res.errMsg)
    })
  },
  address() {
    wx.chooseAddress({ success: res => this.note(res.cityName + ' ' + res.telNumber), fail: res => this.note(res.errMsg) })
  },
  where() {
    wx.chooseLocation({ success: res => this.note(res.name), fail: res => this.note(res.errMsg) })
  },
  attach() {
    wx.chooseMessageFile({
      count: 5, type: 'all',
      success: res => this.note(res.tempFiles.map(f => f.name + ':' + f.type).join(' ')),
      fail: res => this.note(res.errMsg)
    })
  }
})
