// The pattern real apps use: the audio context is created in onLoad and kept in data; a tap plays it.
Page({
  data: { player: null, state: 'idle' },
  onLoad() {
    const player = wx.createInnerAudioContext()
    player.onPlay(() => this.setData({ state: 'playing' }))
    player.onPause(() => this.setData({ state: 'paused' }))
    player.onError((e) => this.setData({ state: 'error ' + e.errMsg }))
    player.src = '/audio/track.wav'
    this.setData({ player })
  },
  play() {
    this.data.player.play()
  },
  pause() {
    this.data.player.pause()
  }
})
