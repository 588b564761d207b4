// The same pattern in a component: the context lives in this.data from attached on.
Component({
  properties: { src: String },
  data: { audio: null, state: 'idle' },
  lifetimes: {
    attached() {
      const audio = wx.createInnerAudioContext()
      audio.onPlay(() => this.setData({ state: 'playing' }))
      audio.src = this.data.src
      this.setData({ audio })
    }
  },
  methods: {
    toggle() {
      this.data.audio.play()
    }
  }
})
