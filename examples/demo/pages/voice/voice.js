// Voice memos with the legacy APIs: startRecord / stopRecord, then playVoice / pauseVoice / stopVoice.
// startRecord asks for scope.record the first time.
Page({
  data: { recording: false, elapsed: 0, memos: [], playing: '', paused: false, message: '' },

  onUnload() {
    clearInterval(this.ticker)
    if (this.data.recording) wx.stopRecord()
    wx.stopVoice()
  },

  start() {
    this.startedAt = Date.now()
    this.setData({ recording: true, elapsed: 0, message: '' })
    this.ticker = setInterval(() => this.setData({ elapsed: Math.floor((Date.now() - this.startedAt) / 1000) }), 1000)
    wx.startRecord({
      success: ({ tempFilePath }) => {
        const seconds = Math.round((Date.now() - this.startedAt) / 100) / 10
        this.setData({ memos: this.data.memos.concat({ path: tempFilePath, seconds }) })
      },
      fail: ({ errMsg }) => this.setData({ message: errMsg }),
      complete: () => {
        clearInterval(this.ticker)
        this.setData({ recording: false })
      }
    })
  },

  stop() {
    wx.stopRecord()
  },

  play(e) {
    const path = e.currentTarget.dataset.path
    if (this.data.playing === path && this.data.paused) {
      this.setData({ paused: false })
    } else {
      this.setData({ playing: path, paused: false })
    }
    wx.playVoice({
      filePath: path,
      complete: () => {
        // playback stopped: its end, pauseVoice, stopVoice or another memo
        if (this.data.playing === path && !this.data.paused) this.setData({ playing: '' })
      }
    })
  },

  pause() {
    wx.pauseVoice()
    this.setData({ paused: true })
  },

  stopPlaying() {
    wx.stopVoice()
    this.setData({ playing: '', paused: false })
  }
})
