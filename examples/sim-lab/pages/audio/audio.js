const recorder = wx.getRecorderManager()

Page({
  data: { state: 'idle', position: 0, duration: 0, recording: '', file: '', pulls: 0, refreshing: false },
  // pull-down refresh (enabled in audio.json): the dots stay until the page says it is done
  onPullDownRefresh() {
    this.setData({ pulls: this.data.pulls + 1, refreshing: true })
  },
  refreshed() {
    wx.stopPullDownRefresh()
    this.setData({ refreshing: false })
  },
  onLoad() {
    const audio = wx.createInnerAudioContext()
    audio.src = '/tone.wav'
    audio.onPlay(() => this.setData({ state: 'playing' }))
    audio.onPause(() => this.setData({ state: 'paused' }))
    audio.onEnded(() => this.setData({ state: 'ended', position: audio.duration }))
    audio.onTimeUpdate(() => this.setData({ position: Math.round(audio.currentTime * 10) / 10, duration: audio.duration }))
    audio.onCanplay(() => this.setData({ duration: audio.duration }))
    this.audio = audio
    recorder.onStart(() => this.setData({ recording: 'recording' }))
    recorder.onStop(res => this.setData({ recording: `recorded ${res.duration} ms, ${res.fileSize} bytes`, file: res.tempFilePath }))
    recorder.onError(err => this.setData({ recording: err.errMsg }))
  },
  onUnload() { this.audio.destroy() },
  play() { this.audio.play() },
  pause() { this.audio.pause() },
  record() { recorder.start({ format: 'wav', sampleRate: 16000, numberOfChannels: 1 }) },
  stop() { recorder.stop() },
  replay() {
    if (this.data.file) { this.audio.src = this.data.file; this.audio.play() }
  }
})
