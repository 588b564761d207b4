// Animations the view plays: an element's `animation` attribute (wx.createAnimation().export()) as CSS transitions,
// one step after the other with each step's duration, timing function, delay and transform origin, telling the
// logic layer `transitionend` after each step; and this.animate's keyframes as Web Animations whose last frame stays
// on the element until clearAnimation. What they set lives beside the page's `style` (setStyleVar), so a re-render
// of `style` keeps it.
import { setStyleVar, rpx, bound } from './components.js'

const ANGLES = new Set(['rotate', 'rotateX', 'rotateY', 'rotateZ', 'skew', 'skewX', 'skewY'])
const LENGTHS = new Set(['translate', 'translate3d', 'translateX', 'translateY', 'translateZ'])

function transformFunction(type, args) {
  const parts = args.filter(a => a !== null && a !== undefined).map((a, i) => {
    if (typeof a !== 'number') return String(a)
    if (ANGLES.has(type) || (type === 'rotate3d' && i === 3)) return a + 'deg'
    return LENGTHS.has(type) ? a + 'px' : String(a)
  })
  return type + '(' + parts.join(', ') + ')'
}

/** The CSS one exported step sets. */
function stepStyle(animates) {
  const style = {}
  const transform = []
  for (const a of animates || []) {
    const args = Array.isArray(a.args) ? a.args : []
    if (a.type === 'style') { if (args.length >= 2) style[args[0]] = String(args[1]) }
    else if (typeof a.type === 'string') transform.push(transformFunction(a.type, args))
  }
  if (transform.length) style.transform = transform.join(' ')
  return style
}

/** Plays the `animation` attribute's steps on `el` (a new value stops the previous run where it is). */
export function playSteps(el, data) {
  const wx = el.__wx
  const run = (wx.animationRun || 0) + 1
  wx.animationRun = run
  const steps = data && Array.isArray(data.actions) ? data.actions : []
  const width = wx.page.sim.device.screenWidth
  let i = 0
  const next = () => {
    if (wx.animationRun !== run || i >= steps.length) return
    const step = steps[i++] || {}
    const option = step.option || {}
    const t = option.transition || {}
    const duration = typeof t.duration === 'number' ? t.duration : 400
    const delay = typeof t.delay === 'number' ? t.delay : 0
    const timing = t.timingFunction || 'linear'
    const style = stepStyle(step.animates)
    const props = Object.keys(style)
    // a step that changes nothing, or takes no time, runs no transition: no transitionend, as in a browser
    const changes = duration > 0 && props.some(p => wx.vars[p] !== rpx(style[p], width))
    setStyleVar(el, 'transition', props.map(p => p + ' ' + duration + 'ms ' + timing + ' ' + delay + 'ms').join(', '))
    setStyleVar(el, 'transform-origin', option.transformOrigin || '50% 50% 0')
    for (const p of props) setStyleVar(el, p, rpx(style[p], width))
    setTimeout(() => {
      if (wx.animationRun !== run) return
      if (changes && bound(el, 'transitionend')) wx.page.send(el, 'transitionend', { detail: {} })
      next()
    }, duration + delay)
  }
  // two frames: the element's present style is painted first, so the first step transitions from it
  requestAnimationFrame(() => requestAnimationFrame(next))
}

const camel = name => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())

/** this.animate: `frames` are [{offset?, easing?, style: {css: value}}] over `duration` ms. */
export function playKeyframes(el, frames, duration) {
  const wx = el.__wx
  const width = wx.page.sim.device.screenWidth
  const last = {}
  const keyframes = frames.map(f => {
    const k = {}
    for (const [name, value] of Object.entries(f.style || {})) {
      k[camel(name)] = rpx(String(value), width)
      last[name] = k[camel(name)]
    }
    if (typeof f.offset === 'number') k.offset = f.offset
    if (f.easing) k.easing = f.easing
    return k
  })
  wx.keyframed = wx.keyframed || new Set()
  wx.keyframeAnimations = wx.keyframeAnimations || new Set()
  let a = null
  try { a = el.animate(keyframes, { duration, fill: 'forwards' }) } catch (e) { /* bad keyframes: jump to the end */ }
  const settle = () => {
    for (const [name, value] of Object.entries(last)) { wx.keyframed.add(name); setStyleVar(el, name, value) }
    if (a) { wx.keyframeAnimations.delete(a); a.cancel() }
  }
  if (a) { wx.keyframeAnimations.add(a); a.onfinish = settle } else setTimeout(settle, duration)
}

/** clearAnimation: the CSS properties to drop (null: every one animate set). */
export function clearKeyframes(el, properties) {
  const wx = el.__wx
  for (const a of wx.keyframeAnimations || []) a.cancel()
  wx.keyframeAnimations = new Set()
  for (const name of properties || Array.from(wx.keyframed || [])) {
    wx.keyframed?.delete(name)
    setStyleVar(el, name, null)
  }
}
