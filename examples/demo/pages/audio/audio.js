// InnerAudioContext: a sound player inside the page — play, pause, stop, seek with the slider, loop and
// volume; onTimeUpdate moves the slider.
const { CDN } = require('../../utils/config')
const format = require('../../utils/format')

Page({
  data: { src: CDN + '/music/sparrow-song.mp3', playing: false, position: 0, duration: 0, positionText: '0:00', durationText: '0:00', loop: false, volume: 100, events: [], eventsText: 'none yet', error: '' },

  onLoad() {
    const audio = wx.createInnerAudioContext()
    this.audio = audio
    audio.src = this.data.src
    audio.onCanplay(() => this.event('canplay'))
    audio.onPlay(() => { this.event('play'); this.setData({ playing: true }) })
    audio.onPause(() => { this.event('pause'); this.setData({ playing: false }) })
    audio.onStop(() => { this.event('stop'); this.setData({ playing: false }); this.tick() })
    audio.onEnded(() => { this.event('ended'); this.setData({ playing: false }) })
    audio.onSeeked(() => { this.event('seeked'); this.tick() })
    audio.onTimeUpdate(() => this.tick())
    audio.onError(({ errCode, errMsg }) => this.setData({ error: `${errCode} ${errMsg}` }))
  },

  onUnload() {
    this.audio.destroy()
  },

  event(name) {
    const events = this.data.events.concat(name).slice(-6)
    this.setData({ events, eventsText: events.join(' → ') })
  },

  tick() {
    const { currentTime, duration } = this.audio
    this.setData({ position: currentTime, duration, positionText: format.clock(currentTime), durationText: format.clock(duration) })
  },

  toggle() {
    if (this.data.playing) this.audio.pause()
    else this.audio.play()
  },

  stop() {
    this.audio.stop()
  },

  seek(e) {
    this.audio.seek(e.detail.value)
  },

  setLoop(e) {
    this.audio.loop = e.detail.value
    this.setData({ loop: e.detail.value })
  },

  setVolume(e) {
    this.audio.volume = e.detail.value / 100
    this.setData({ volume: e.detail.value })
  }
})
