// A player page as real apps write it: every context made in onLoad, kept in data, used in taps.
Page({
  data: { results: [] },
  onLoad() {
    this.setData({
      video: wx.createVideoContext('video'),
      map: wx.createMapContext('map'),
      camera: wx.createCameraContext(),
      live: wx.createLivePlayerContext('live'),
      pusher: wx.createLivePusherContext(),
      worker: wx.createWorker('workers/index.js')
    })
    this.data.video.play()
    this.data.video.seek(10)
    this.data.worker.onMessage(() => {})
    this.data.worker.postMessage({ hello: 1 })
    const ad = wx.createInterstitialAd({ adUnitId: 'adunit-1' })
    ad.onError(() => {})
    ad.onClose(() => {})
    this.setData({ ad, audio: wx.createAudioContext('bell') })
    this.data.audio.setSrc('/bell.mp3')
    wx.getRealtimeLogManager().tag('player').info('ready', 1)
    wx.getLogManager({ level: 1 }).log('loaded')
  },
  note(res) {
    this.setData({ results: this.data.results.concat(res.errMsg) })
  },
  tapAll() {
    const done = []
    this.data.map.getCenterLocation({ fail: res => this.note(res), complete: () => done.push('map') })
    this.data.camera.takePhoto({ quality: 'high', fail: res => this.note(res) })
    this.data.camera.onCameraFrame(() => {}).start({ fail: res => this.note(res) })
    this.data.live.play({ fail: res => this.note(res) })
    this.data.pusher.start({ fail: res => this.note(res) })
    this.data.map.moveToLocation()
    this.data.ad.show().catch(res => this.note(res))
    this.setData({ syncDone: done.length })
  }
})
