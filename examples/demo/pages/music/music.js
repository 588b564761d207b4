// A music player on the legacy background audio APIs: play / pause / stop, skip ±10 s (clamped to the
// start and the end of the track), the play/pause/stop listeners, and the player's state polled every
// second (status, position, duration) as the old players did.
const { CDN } = require('../../utils/config')
const format = require('../../utils/format')

const SONG = {
  dataUrl: CDN + '/music/sparrow-song.mp3',
  title: 'Sparrow Song',
  singer: 'The Sparrow band',
  coverImgUrl: CDN + '/music/cover.jpg'
}
const STATUS = ['paused', 'playing', 'stopped']

// The player outlives this page: listen once, and tell the page on screen, if any.
let page = null
wx.onBackgroundAudioPlay(() => page && page.event('play'))
wx.onBackgroundAudioPause(() => page && page.event('pause'))
wx.onBackgroundAudioStop(() => page && page.event('stop'))

Page({
  data: {
    song: SONG, status: 2, statusText: 'stopped', position: 0, duration: 0,
    positionText: '0:00', durationText: '0:00', events: [], eventsText: 'none yet', error: ''
  },

  onLoad() {
    page = this
    this.poll()
    this.poller = setInterval(() => this.poll(), 1000)
  },

  onUnload() {
    page = null
    clearInterval(this.poller)
  },

  event(name) {
    const events = this.data.events.concat(name).slice(-6)
    this.setData({ events, eventsText: events.join(' → ') })
    this.poll()
  },

  poll() {
    wx.getBackgroundAudioPlayerState({
      success: ({ status, currentPosition, duration }) => {
        // position and duration come only while the music plays: a paused player keeps what it showed
        const update = { status, statusText: STATUS[status] }
        if (status === 1) {
          update.position = currentPosition
          update.duration = duration
        } else if (status === 2) {
          update.position = 0
        }
        const position = update.position === undefined ? this.data.position : update.position
        update.positionText = format.clock(position)
        update.durationText = format.clock(update.duration === undefined ? this.data.duration : update.duration)
        this.setData(update)
      }
    })
  },

  play() {
    this.setData({ error: '' })
    wx.playBackgroundAudio({
      dataUrl: SONG.dataUrl,
      title: SONG.title,
      coverImgUrl: SONG.coverImgUrl,
      success: () => this.poll(),
      fail: ({ errMsg }) => this.setData({ error: errMsg })
    })
  },

  pause() {
    wx.pauseBackgroundAudio()
  },

  stop() {
    wx.stopBackgroundAudio()
  },

  back() {
    this.skip(-10)
  },

  forward() {
    this.skip(10)
  },

  /** Moves by `seconds` from where the player is now, never before the start or past the end. */
  skip(seconds) {
    wx.getBackgroundAudioPlayerState({
      success: ({ status, currentPosition, duration }) => {
        if (status === 2) return
        const position = Math.min(Math.max(currentPosition + seconds, 0), duration)
        wx.seekBackgroundAudio({ position, success: () => this.poll() })
      }
    })
  }
})
