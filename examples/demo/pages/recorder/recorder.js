// RecorderManager: start, pause, resume and stop a recording; its events drive the page. The result is
// played back with an InnerAudioContext.
const format = require('../../utils/format')
const recorder = wx.getRecorderManager()

const OPTIONS = { duration: 60000, sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000, format: 'mp3' }

// One recorder for the app: its listeners are registered once and reach the page on screen, if any.
let page = null
recorder.onStart(() => page && page.changed('recording', 'start'))
recorder.onPause(() => page && page.changed('paused', 'pause'))
recorder.onResume(() => page && page.changed('recording', 'resume'))
recorder.onStop(({ tempFilePath, duration, fileSize }) => page && page.stopped(tempFilePath, duration, fileSize))
recorder.onError(({ errMsg }) => page && page.setData({ state: 'idle', error: errMsg }))

Page({
  data: { state: 'idle', events: [], eventsText: 'none yet', result: null, playing: false, error: '' },

  onLoad() {
    page = this
    this.player = wx.createInnerAudioContext()
    this.player.onPlay(() => this.setData({ playing: true }))
    this.player.onEnded(() => this.setData({ playing: false }))
    this.player.onStop(() => this.setData({ playing: false }))
    this.player.onError(({ errMsg }) => this.setData({ playing: false, error: errMsg }))
  },

  stopped(tempFilePath, duration, fileSize) {
    this.changed('idle', 'stop')
    this.setData({ result: { tempFilePath, name: format.baseName(tempFilePath), seconds: (duration / 1000).toFixed(1), size: format.size(fileSize) } })
  },

  onUnload() {
    page = null
    if (this.data.state !== 'idle') recorder.stop()
    this.player.destroy()
  },

  changed(state, event) {
    const events = this.data.events.concat(event).slice(-8)
    this.setData({ state, events, eventsText: events.join(' → ') })
  },

  start() {
    this.setData({ result: null, error: '' })
    recorder.start(OPTIONS)
  },

  pause() {
    recorder.pause()
  },

  resume() {
    recorder.resume()
  },

  stop() {
    recorder.stop()
  },

  play() {
    this.player.src = this.data.result.tempFilePath
    this.player.play()
  }
})
