// The browser as the phone's speaker and microphone.
// Speaker: each track of the session (voice, InnerAudioContext, background audio) is an HTML5 <audio>; its real
// position, buffering, stalls and end are reported back (audio.state).
// Microphone: getUserMedia audio streamed as binary frames [u32 id][u32 sampleRate][int16 mono samples], LE.

export class Speaker {
  constructor(sim) {
    this.sim = sim
    this.tracks = new Map()
  }

  handle(m) {
    const a = this.tracks.get(m.id)
    switch (m.t) {
      case 'audio.open': this.open(m); break
      case 'audio.play':
        if (!a) return
        if (m.position != null && Math.abs(a.currentTime * 1000 - m.position) > 250) a.currentTime = m.position / 1000
        a.play().catch(() => this.report(m.id, a, 'pause'))
        break
      case 'audio.pause': a?.pause(); break
      case 'audio.seek': if (a) a.currentTime = m.position / 1000; break
      case 'audio.rate': if (a) a.playbackRate = m.rate; break
      case 'audio.close':
        if (a) { a.pause(); a.removeAttribute('src'); a.load(); this.tracks.delete(m.id) }
        break
    }
  }

  open(m) {
    const a = new Audio()
    a.preload = 'auto'
    a.dataset.track = m.id
    a.src = this.sim.mediaUrl(m.src, this.sim.top()?.route)
    if (m.position) a.currentTime = m.position / 1000
    this.tracks.set(m.id, a)
    for (const type of ['timeupdate', 'waiting', 'canplay', 'playing', 'pause', 'ended', 'error', 'progress']) {
      a.addEventListener(type, () => this.report(m.id, a, type === 'playing' ? 'canplay' : type))
    }
    if (m.playing) a.play().catch(() => {})
  }

  report(id, a, event) {
    let buffered = 0
    for (let i = 0; i < a.buffered.length; i++) {
      if (a.buffered.start(i) <= a.currentTime + 0.5) buffered = Math.max(buffered, a.buffered.end(i))
    }
    this.sim.send({ t: 'audio.state', id, event, position: a.currentTime * 1000, buffered: buffered * 1000, paused: a.paused })
  }

  stopAll() {
    for (const a of this.tracks.values()) a.pause()
    this.tracks.clear()
  }
}

export class Microphone {
  constructor(sim) {
    this.sim = sim
    this.captures = new Map()
  }

  async handle(m) {
    if (m.t === 'mic.close') { this.stop(m.id); return }
    const capture = { id: m.id, stopped: false }
    this.captures.set(m.id, capture)
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } })
      if (capture.stopped) { stream.getTracks().forEach(t => t.stop()); return }
      const context = new AudioContext()
      const source = context.createMediaStreamSource(stream)
      const processor = context.createScriptProcessor(2048, 1, 1)
      const mute = context.createGain()
      mute.gain.value = 0
      processor.onaudioprocess = e => {
        if (capture.stopped) return
        const input = e.inputBuffer.getChannelData(0)
        const frame = new ArrayBuffer(8 + input.length * 2)
        const view = new DataView(frame)
        view.setUint32(0, m.id, true)
        view.setUint32(4, context.sampleRate, true)
        for (let i = 0; i < input.length; i++) {
          const s = Math.max(-1, Math.min(1, input[i]))
          view.setInt16(8 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true)
        }
        this.sim.sendBinary(frame)
      }
      source.connect(processor)
      processor.connect(mute)
      mute.connect(context.destination)
      Object.assign(capture, { stream, context, processor })
    } catch (e) {
      this.sim.panels.console({ level: 'warn', text: 'microphone unavailable: ' + e.message + ' (the recording hears silence)' })
    }
  }

  stop(id) {
    const c = this.captures.get(id)
    if (!c) return
    c.stopped = true
    this.captures.delete(id)
    c.processor?.disconnect()
    c.stream?.getTracks().forEach(t => t.stop())
    c.context?.close()
  }

  stopAll() { for (const id of Array.from(this.captures.keys())) this.stop(id) }
}
