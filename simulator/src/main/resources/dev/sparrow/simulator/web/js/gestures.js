// A finger on a page: pointer events become WeChat's touchstart/touchmove/touchend (reported only where a page
// binds them), tap and longpress (350 ms). The logic layer decides what they do; this file only reports them
// and paints hover classes.
import { owner } from './render.js'
import { bound, bool } from './components.js'

const LONG_PRESS_MS = 350
const TAP_SLOP_PX = 10
const HOVER_DEFAULTS = { button: 'button-hover', navigator: 'navigator-hover' }

export function bindGestures(page) {
  const doc = page.doc
  let press = null

  doc.addEventListener('pointerdown', e => {
    if (e.button !== 0) return
    const el = owner(e.target)
    if (!el || el === doc.body || e.target.closest?.('input, textarea')) { press = null; return }
    const touches = bound(el, 'touchstart') || bound(el, 'touchmove') || bound(el, 'touchend') || bound(el, 'touchcancel')
    press = { el, x: e.clientX, y: e.clientY, pageX: e.pageX, pageY: e.pageY, touches, moved: false, long: false, hover: hover(el, true) }
    if (touches) page.send(el, 'touchstart', coords(e, el))
    const p = press
    p.timer = setTimeout(() => {
      if (press !== p || p.moved) return
      if (bound(p.el, 'longpress') || bound(p.el, 'longtap')) {
        p.long = true
        page.send(p.el, 'longpress', Object.assign(coords(e, p.el), { touches: !p.touches }))
      }
    }, LONG_PRESS_MS)
  })

  let moveFrame = 0
  doc.addEventListener('pointermove', e => {
    if (!press) return
    if (Math.hypot(e.clientX - press.x, e.clientY - press.y) > TAP_SLOP_PX) press.moved = true
    if (press.touches && !moveFrame) {
      const p = press
      const c = coords(e, p.el)
      moveFrame = requestAnimationFrame(() => { moveFrame = 0; page.send(p.el, 'touchmove', c) })
    }
  })

  /** The finger leaves: touchend (or touchcancel); the press ends. */
  const release = (e, type) => {
    const p = press
    press = null
    if (!p) return null
    clearTimeout(p.timer)
    hover(p.el, false, p.hover)
    if (p.touches) page.send(p.el, type, coords(e, p.el))
    return p
  }

  doc.addEventListener('pointerup', e => {
    const p = release(e, 'touchend')
    if (!p || p.moved || p.long || p.el.__wx.noTap) return
    if (p.el.__wx.tag === 'picker' || p.el.closest?.('wx-picker')) openPicker(p.el)
    page.send(p.el, 'tap', Object.assign(coords(e, p.el), { touches: !p.touches }))
  })

  doc.addEventListener('pointercancel', e => { release(e, 'touchcancel') })

  doc.addEventListener('contextmenu', e => { if (owner(e.target)) e.preventDefault() })
}

function coords(e, el) {
  if (el && el.__wx.tag === 'canvas') {
    // a canvas's touches are relative to its top-left corner (CanvasTouch x, y)
    const r = el.getBoundingClientRect()
    const x = Math.round(e.clientX - r.left)
    const y = Math.round(e.clientY - r.top)
    return { x, y, detail: { x, y } }
  }
  return { x: Math.round(e.pageX), y: Math.round(e.pageY), detail: { x: Math.round(e.pageX), y: Math.round(e.pageY) } }
}

function openPicker(el) {
  for (let n = el; n; n = n.parentNode) if (n.__wx?.tag === 'picker') { n.__wx.openPicker(); return }
}

/** hover-class: added while pressed (after hover-start-time), kept for hover-stay-time after release. */
function hover(el, on, state) {
  for (let n = el; n && n.__wx; n = n.parentNode?.closest ? findOwner(n.parentNode) : null) {
    const a = n.__wx.attrs
    const cls = a.hoverClass ?? HOVER_DEFAULTS[n.__wx.tag]
    if (!cls || cls === 'none' || bool(a.disabled)) {
      if (bool(a.hoverStopPropagation)) return null
      continue
    }
    if (on) {
      const t = setTimeout(() => n.classList.add(...String(cls).split(/\s+/).filter(Boolean)), Number(a.hoverStartTime ?? 20))
      return { n, cls, t }
    }
    if (state) {
      clearTimeout(state.t)
      setTimeout(() => state.n.classList.remove(...String(state.cls).split(/\s+/).filter(Boolean)), Number(state.n.__wx.attrs.hoverStayTime ?? 70))
    }
    return null
  }
  return null
}

function findOwner(node) {
  for (let n = node; n; n = n.parentNode) if (n.__wx) return n
  return null
}
