// <canvas>: a real browser canvas inside <wx-canvas>, drawing the batches the logic layer recorded (the same JSON
// commands the headless Java canvas runs, see CanvasCommands). Text uses the face headless canvases draw with
// ("Sparrow Sans", served as /sim/canvas-font.ttf), so that both agree. A legacy (canvas-id) canvas is its CSS size
// at the device's pixel ratio, drawn in CSS px; a type="2d" one is sized by the page (canvas.width/height).
import { bool } from './components.js'

const FACE = 'Sparrow Sans'
const faces = new WeakMap()

/** The canvas face in a page's document, loaded once. */
function fontReady(doc) {
  let ready = faces.get(doc)
  if (!ready) {
    const face = new FontFace(FACE, 'url(/sim/canvas-font.ttf)')
    doc.fonts.add(face)
    ready = face.load().catch(() => null)
    faces.set(doc, ready)
  }
  return ready
}

export const CANVAS_WIDGETS = {
  canvas: {
    create(el, page) {
      const c = page.doc.createElement('canvas')
      c.style.cssText = 'display:block;width:100%;height:100%'
      el.appendChild(c)
      el.__wx.canvas = { el: c, ctx: c.getContext('2d'), queue: Promise.resolve(), legacy: false, dpr: page.sim.device.pixelRatio || 1 }
    },
    attr(el, name, value) {
      if (name === 'disableScroll') el.style.touchAction = bool(value) ? 'none' : ''
    }
  }
}

/** A `canvas` message: draw a batch (or paint a snapshot image) on canvas node `m.node` of `frame`. */
export function canvasMessage(frame, m) {
  const el = frame.nodes.get(m.node)
  const cv = el && el.__wx && el.__wx.canvas
  if (!cv) return
  cv.queue = cv.queue.then(() => draw(frame, el, cv, m)).catch(e => console.warn('canvas', e))
}

async function draw(frame, el, cv, m) {
  const ctx = cv.ctx
  if (m.image) {
    // a tab that connects: what the canvas shows, then its drawing state (transform, styles) to carry on from
    const img = await load(m.image)
    cv.legacy = !!m.legacy
    cv.el.width = img.naturalWidth
    cv.el.height = img.naturalHeight
    ctx.drawImage(img, 0, 0)
    await fontReady(frame.doc)
    run(ctx, cv, m.state || [], () => null)
    return
  }
  if (m.legacy && !cv.legacy) {
    // the legacy canvas: its CSS box at the pixel ratio, CSS px as units
    cv.legacy = true
    cv.el.width = Math.round(el.clientWidth * cv.dpr)
    cv.el.height = Math.round(el.clientHeight * cv.dpr)
    ctx.setTransform(cv.dpr, 0, 0, cv.dpr, 0, 0)
  }
  await fontReady(frame.doc)
  const images = new Map()
  await Promise.all(refs(m.batch).map(async ref => {
    const url = ref.data || (ref.src ? frame.sim.mediaUrl(ref.src, frame.route) : null)
    if (url && !images.has(url)) images.set(url, await load(url).catch(() => null))
  }))
  const picture = ref => {
    if (!ref) return null
    const url = ref.data || (ref.src ? frame.sim.mediaUrl(ref.src, frame.route) : null)
    return url ? images.get(url) : null
  }
  run(ctx, cv, m.batch, picture)
}

function load(url) {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = reject
    img.src = url
  })
}

function refs(batch) {
  const out = []
  for (const c of batch) {
    if (c[0] === 'drawImage' && c[1]) out.push(c[1])
    else if (c[0] === 'set' && c[2] && c[2].pattern) out.push(c[2].pattern)
  }
  return out
}

const n = v => (v === null ? NaN : v)

/** Runs commands on a 2d context (the browser's half of CanvasCommands). */
export function run(ctx, cv, batch, picture) {
  for (const c of batch) {
    const name = c[0]
    const a = c.slice(1)
    switch (name) {
      case 'size': cv.el.width = a[0]; cv.el.height = a[1]; break
      case 'clearAll':
        ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.clearRect(0, 0, cv.el.width, cv.el.height); ctx.restore()
        break
      case 'set': set(ctx, a[0], a[1], picture); break
      case 'setLineDash': ctx.setLineDash((a[0] || []).map(n)); break
      case 'fill': case 'stroke': case 'clip':
        if (a[0] && a[0].path) ctx[name](path2d(a[0].path), ...a.slice(1))
        else ctx[name](...a)
        break
      case 'fillText': case 'strokeText':
        if (a.length > 3 && a[3] !== null) ctx[name](String(a[0]), n(a[1]), n(a[2]), n(a[3]))
        else ctx[name](String(a[0]), n(a[1]), n(a[2]))
        break
      case 'drawImage': {
        const img = picture(a[0])
        if (img) ctx.drawImage(img, ...a.slice(1).map(n))
        break
      }
      case 'putImageData': {
        const d = a[0]
        const bytes = Uint8ClampedArray.from(atob(d.data), ch => ch.charCodeAt(0))
        const data = new ImageData(bytes, d.w, d.h)
        ctx.putImageData(data, ...a.slice(1).map(n))
        break
      }
      case 'arc': case 'ellipse': {
        const last = name === 'arc' ? 5 : 7
        const args = a.map((v, i) => (i === last ? !!v : n(v)))
        if (args.slice(2, name === 'arc' ? 3 : 4).some(r => r < 0)) break // a negative radius does nothing (as headless)
        ctx[name](...args)
        break
      }
      default:
        if (typeof ctx[name] === 'function') {
          try { ctx[name](...a.map(n)) } catch (e) { /* the headless canvas ignores it too */ }
        }
    }
  }
}

function set(ctx, prop, value, picture) {
  switch (prop) {
    case 'fillStyle': case 'strokeStyle': {
      const s = style(ctx, value, picture)
      if (s != null) ctx[prop] = s
      break
    }
    case 'font': ctx.font = face(value); break
    case 'fontSize': ctx.font = ctx.font.replace(/[\d.]+px/, value + 'px'); break
    case 'textBaseline': ctx.textBaseline = value === 'normal' ? 'alphabetic' : value; break
    default: ctx[prop] = value
  }
}

/** A font value with its families replaced by the canvas face. */
function face(css) {
  const m = /^(.*?[\d.]+(?:px|pt|r?em))(?:\/\S+)?\s+.+$/.exec(String(css))
  return m ? m[1] + ' "' + FACE + '"' : css
}

function style(ctx, v, picture) {
  if (typeof v === 'string') return v
  if (!v || typeof v !== 'object') return null
  if (v.pattern) {
    const img = picture(v.pattern)
    return img ? ctx.createPattern(img, v.repetition || 'repeat') : null
  }
  let g = null
  if (v.linear) g = ctx.createLinearGradient(...v.linear.map(n))
  else if (v.radial) {
    if (v.radial[2] < 0 || v.radial[5] < 0) return null
    g = ctx.createRadialGradient(...v.radial.map(n))
  } else return null
  for (const [offset, color] of v.stops || []) g.addColorStop(offset, color)
  return g
}

function path2d(cmds) {
  const p = new Path2D()
  for (const c of cmds) {
    if (typeof p[c[0]] === 'function') {
      try { p[c[0]](...c.slice(1).map(n)) } catch (e) { /* ignored headless too */ }
    }
  }
  return p
}
