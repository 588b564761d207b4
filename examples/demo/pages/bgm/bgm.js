// BackgroundAudioManager: the app-wide player that keeps playing when the page (or the app) is left.
// Setting src (with a title) starts it; its events update the page.
const { CDN } = require('../../utils/config')
const format = require('../../utils/format')
const manager = wx.getBackgroundAudioManager()

// The manager outlives this page, and its listeners cannot be removed: register them once and send
// them to the page on screen, if any.
let page = null
manager.onCanplay(() => page && page.event('canplay'))
manager.onPlay(() => page && page.playing(true, 'play'))
manager.onPause(() => page && page.playing(false, 'pause'))
manager.onStop(() => page && page.playing(false, 'stop'))
manager.onEnded(() => page && page.playing(false, 'ended'))
manager.onTimeUpdate(() => page && page.tick())
manager.onSeeked(() => page && page.tick())
manager.onError(({ errCode, errMsg }) => page && page.setData({ error: `${errCode} ${errMsg}` }))

Page({
  data: { playing: false, position: 0, duration: 0, positionText: '0:00', durationText: '0:00', events: [], eventsText: 'none yet', cover: CDN + '/music/cover.jpg', error: '' },

  onLoad() {
    page = this
    this.setData({ playing: !manager.paused && !!manager.src })
    this.tick()
  },

  onUnload() {
    page = null
  },

  playing(playing, event) {
    this.event(event)
    this.setData({ playing })
    this.tick()
  },

  event(name) {
    const events = this.data.events.concat(name).slice(-6)
    this.setData({ events, eventsText: events.join(' → ') })
  },

  tick() {
    const position = manager.currentTime || 0
    const duration = manager.duration || 0
    this.setData({ position, duration, positionText: format.clock(position), durationText: format.clock(duration) })
  },

  start() {
    this.setData({ error: '' })
    if (manager.src && manager.paused) {
      manager.play()
      return
    }
    manager.title = 'Sparrow Song'
    manager.epname = 'Sparrow demo'
    manager.singer = 'The Sparrow band'
    manager.coverImgUrl = this.data.cover
    manager.src = CDN + '/music/sparrow-song.mp3'
  },

  pause() {
    manager.pause()
  },

  stop() {
    manager.stop()
  },

  seek(e) {
    manager.seek(e.detail.value)
  }
})
