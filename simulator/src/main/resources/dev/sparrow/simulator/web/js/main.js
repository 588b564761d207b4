// The simulator page: connects to the session, paints pages and chrome, and routes every message.
// Protocol: docs/simulator.md. A page opened from /screen?key=… (screenshots) replays an embedded snapshot
// instead of connecting.
import { PageFrame, setPagesCss } from './render.js'
import { Shell } from './shell.js'
import { Overlays } from './overlays.js'
import { Speaker, Microphone } from './devices.js'
import { Panels } from './panels.js'
import { canvasMessage } from './widgets-canvas.js'
import { playKeyframes, clearKeyframes } from './animation.js'

class Simulator {
  constructor() {
    this.device = { screenWidth: 375, screenHeight: 667, pixelRatio: 2, statusBarHeight: 20, safeAreaBottomInset: 0 }
    this.app = {}
    this.pages = new Map()
    this.fonts = []
    this.stack = []
    this.localPrefixes = ['wxfile://']
    this.socket = null
    this.outbox = []
    this.shell = new Shell(this)
    this.overlays = new Overlays(this)
    this.speaker = new Speaker(this)
    this.microphone = new Microphone(this)
    this.panels = new Panels(this)
    this.perf = { events: [], patches: [], firstPaint: 0, lastSent: 0 }
    window.__sparrow = this
  }

  connect() {
    const ws = new WebSocket(`ws://${location.host}/ws`)
    ws.binaryType = 'arraybuffer'
    this.socket = ws
    ws.onopen = () => { this.shell.status('connected', 'ok'); this.outbox.splice(0).forEach(m => ws.send(m)) }
    let queue = Promise.resolve(this.ready)
    ws.onmessage = e => {
      const data = JSON.parse(e.data)
      const run = () => { if (Array.isArray(data)) data.forEach(m => this.handle(m)); else this.handle(data) }
      if (this.ready) queue = queue.then(() => { this.ready = null; run() }); else run()
    }
    ws.onclose = e => {
      // 1001 'sparrow stopped': the simulator was stopped (Ctrl-C, SIGTERM), not lost
      this.shell.status(e.code === 1001 && e.reason === 'sparrow stopped' ? 'Sparrow stopped — start it again, then reload'
        : 'disconnected — reload to reconnect', 'lost')
      this.speaker.stopAll()
      this.microphone.stopAll()
    }
  }

  /** Paints an embedded snapshot without a socket (the screenshot page). */
  replay(messages) {
    messages.forEach(m => this.handle(m))
  }

  send(message) {
    if (message.t === 'event') this.perf.lastSent = performance.now()
    const text = JSON.stringify(message)
    if (!this.socket) return
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text); else this.outbox.push(text)
  }

  /** A SelectorQuery asks for the layout of nodes of a page: their boxes in the page's viewport, in px. */
  measure(m) {
    const frame = this.pages.get(m.page)
    const layout = { nodes: {}, viewport: null }
    if (frame) {
      const box = (r, el) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height,
        scrollLeft: el.scrollLeft, scrollTop: el.scrollTop, scrollWidth: el.scrollWidth, scrollHeight: el.scrollHeight,
        clientWidth: el.clientWidth, clientHeight: el.clientHeight })
      for (const id of m.request.nodes || []) {
        const el = frame.nodes.get(id)
        if (el && el.getBoundingClientRect) layout.nodes[id] = box(el.getBoundingClientRect(), el)
      }
      if (m.request.viewport) {
        const w = frame.doc.defaultView
        const se = frame.doc.scrollingElement || frame.doc.documentElement
        layout.viewport = box({ left: 0, top: 0, right: w.innerWidth, bottom: w.innerHeight, width: w.innerWidth, height: w.innerHeight }, se)
      }
    }
    this.send({ t: 'measure.answer', id: m.id, layout })
  }

  /** Page code or a driver scrolled the page (wx.pageScrollTo): the document follows without reporting it back. */
  scrollPage(m) {
    const frame = this.pages.get(m.page)
    if (!frame) return
    const el = frame.doc.scrollingElement || frame.doc.documentElement
    el.scrollTop = m.scrollTop
    frame.lastScrollTop = Math.round(el.scrollTop)
  }

  /** Runs `fn` on each element of message `m` (its `page` and `nodes`) still shown. */
  eachNode(m, fn) {
    const frame = this.pages.get(m.page)
    if (!frame) return
    for (const id of m.nodes || []) { const el = frame.nodes.get(id); if (el && el.__wx) fn(el) }
  }

  /** The page's document scrolled: onPageScroll / onReachBottom in the logic layer, at most once a frame. */
  pageScrolled(frame) {
    if (frame.scrollPending) return
    frame.scrollPending = true
    requestAnimationFrame(() => {
      frame.scrollPending = false
      const el = frame.doc.scrollingElement || frame.doc.documentElement
      const scrollTop = Math.round(el.scrollTop)
      if (scrollTop === frame.lastScrollTop) return
      frame.lastScrollTop = scrollTop
      this.send({ t: 'page.scroll', page: frame.id, scrollTop, toBottom: Math.max(0, el.scrollHeight - el.clientHeight - el.scrollTop) })
    })
  }

  sendBinary(buffer) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(buffer)
  }

  handle(m) {
    switch (m.t) {
      case 'hello': this.hello(m); break
      case 'page.open': this.openPage(m); break
      case 'page.patch': this.patchPage(m); break
      case 'page.css': this.pages.get(m.page)?.restyle(m.css); break
      case 'page.controls': this.pages.get(m.page)?.controls(m.controls); break
      case 'page.close': this.pages.get(m.page)?.destroy(); this.pages.delete(m.page); break
      case 'route': this.route(m.stack.map(p => p.page)); break
      case 'navbar': this.pages.get(m.page) && (this.pages.get(m.page).bar = m.bar); this.shell.paintChrome(); break
      case 'reload': location.reload(); break
      case 'audio.open': case 'audio.play': case 'audio.pause': case 'audio.seek': case 'audio.rate': case 'audio.close':
        this.speaker.handle(m); break
      case 'mic.open': case 'mic.close': this.microphone.handle(m); break
      case 'measure': this.measure(m); break
      case 'page.scrollTo': this.scrollPage(m); break
      case 'animate': this.eachNode(m, el => playKeyframes(el, m.keyframes, m.duration)); break
      case 'animate.clear': this.eachNode(m, el => clearKeyframes(el, m.properties || null)); break
      case 'canvas': { const frame = this.pages.get(m.page); if (frame) canvasMessage(frame, m); break }
      case 'page.refreshing': this.pages.get(m.page)?.refreshing?.(m.on); break
      case 'tabbar': this.shell.tabBarChanged(m.state); break
      case 'font': this.fonts.push(m); for (const frame of this.pages.values()) this.addFont(frame, m); break
      case 'console': this.panels.console(m); break
      case 'traffic': this.panels.traffic(m); break
      default:
        if (m.t.startsWith('panel.')) this.panels.answer(m)
        else this.overlays.handle(m)
    }
  }

  hello(m) {
    this.device = m.device
    this.app = m.app || {}
    this.localPrefixes = m.localPrefixes || this.localPrefixes
    this.shell.setup(m)
  }

  openPage(m) {
    const old = this.pages.get(m.page)
    if (old) old.destroy()
    const frame = new PageFrame(this, m.page, m.route, this.shell.pagesElement)
    frame.bar = m.bar
    frame.open(m.tree, m.css, m.window)
    for (const font of this.fonts) this.addFont(frame, font)
    this.pages.set(m.page, frame)
    if (!this.perf.firstPaint) requestAnimationFrame(() => { this.perf.firstPaint = this.perf.firstPaint || performance.now() })
    this.shell.paintChrome()
  }

  /** wx.loadFontFace: an @font-face in the page's document, its source served as any other media of the page. */
  addFont(frame, m) {
    const inner = /^\s*url\(\s*(['"]?)(.*?)\1\s*\)\s*$/.exec(m.source)
    const url = this.mediaUrl(inner ? inner[2] : m.source.trim(), frame.route)
    const desc = m.desc || {}
    const clean = v => String(v).replace(/[^\w .-]/g, '')
    const css = '@font-face{font-family:' + JSON.stringify(m.family) + ';src:url(' + JSON.stringify(url) + ')' +
      (desc.style ? ';font-style:' + clean(desc.style) : '') +
      (desc.weight ? ';font-weight:' + clean(desc.weight) : '') + '}'
    const el = frame.doc.createElement('style')
    el.dataset.font = m.family
    el.textContent = css
    frame.doc.head.appendChild(el)
  }

  patchPage(m) {
    const frame = this.pages.get(m.page)
    if (!frame) return
    frame.patch(m.patches)
    if (this.perf.lastSent) {
      this.perf.patches.push(performance.now() - this.perf.lastSent)
      this.perf.lastSent = 0
    }
    this.panels.pagePatched(m.page)
  }

  route(stack) {
    this.stack = stack
    const top = stack[stack.length - 1]
    for (const [id, frame] of this.pages) frame.show(id === top)
    this.shell.paintChrome()
    this.panels.pageChanged(top)
  }

  top() { return this.pages.get(this.stack[this.stack.length - 1]) }

  /**
   * The URL the simulator page loads a path of the mini program from: local files (temp, saved, user) and
   * package files come from the simulator's /files route; package paths are resolved against the page.
   */
  mediaUrl(src, route) {
    if (/^(data|blob):/i.test(src)) return src
    if (this.localPrefixes.some(p => src.startsWith(p))) return '/files?path=' + encodeURIComponent(src)
    if (/^https?:\/\//i.test(src)) return '/media?url=' + encodeURIComponent(src)
    let path = src
    if (!path.startsWith('/')) {
      const base = (route || '').split('/').slice(0, -1)
      for (const seg of path.split('/')) {
        if (seg === '..') base.pop(); else if (seg !== '.' && seg !== '') base.push(seg)
      }
      path = '/' + base.join('/')
    }
    return '/files?path=' + encodeURIComponent(path)
  }
}

async function start() {
  const sim = new Simulator()
  // the components' stylesheet loads while the socket connects; messages wait for it
  const css = fetch('/sim/pages.css').then(r => r.text()).then(setPagesCss)
  const snapshot = document.getElementById('snapshot')
  if (snapshot) { await css; sim.replay(JSON.parse(snapshot.textContent)); return }
  sim.ready = css
  sim.connect()
}

start()
