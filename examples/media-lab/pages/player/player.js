// A small music player on the background audio manager, as the seed demo has: play a track, skip
// forwards and backwards by a number of seconds (clamped to the track), and show the position.
const player = wx.getBackgroundAudioManager()

Page({
  data: { playing: false, position: 0, duration: 0, events: [] },
  onLoad() {
    const note = (e) => () => this.setData({ events: this.data.events.concat(e) })
    player.onCanplay(note('canplay'))
    player.onPlay(() => { note('play')(); this.setData({ playing: true }) })
    player.onPause(() => { note('pause')(); this.setData({ playing: false }) })
    player.onStop(() => { note('stop')(); this.setData({ playing: false }) })
    player.onEnded(() => { note('ended')(); this.setData({ playing: false }) })
    player.onError((e) => note('error ' + e.errCode)())
    player.onTimeUpdate(() => this.setData({ position: player.currentTime, duration: player.duration }))
  },
  play(url) {
    player.title = 'Track'
    player.singer = 'Sparrow'
    player.src = url
  },
  skip(seconds) {
    const target = Math.min(Math.max(player.currentTime + seconds, 0), player.duration)
    player.seek(target)
    return target
  },
  toggle() {
    if (player.paused) player.play(); else player.pause()
  },
  where() {
    return { currentTime: player.currentTime, duration: player.duration, paused: player.paused }
  }
})
