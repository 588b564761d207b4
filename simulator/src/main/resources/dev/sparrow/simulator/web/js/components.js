// The built-in components as DOM: <wx-view>, <wx-button>… with WeChat's inner parts. Each element carries
// el.__wx = {id, tag, attrs, content, page, state}; children of the virtual tree go into `content`.
// Behaviour that belongs to the logic layer (bubbling, form submission, toggling) stays there: a control shows
// what the logic layer says through setControl (the `page.controls` message).
import { FORM_WIDGETS } from './widgets-form.js'
import { MEDIA_WIDGETS } from './widgets-media.js'
import { CANVAS_WIDGETS } from './widgets-canvas.js'
import { LEGACY_WIDGETS } from './widgets-legacy.js'
import { playSteps } from './animation.js'

const WIDGETS = Object.assign({}, FORM_WIDGETS, MEDIA_WIDGETS, CANVAS_WIDGETS, LEGACY_WIDGETS)
const EVENT_ATTR = /^(bind|catch|captureBind|captureCatch|mutBind|capture-bind:|capture-catch:|mut-bind:|model:)/

/** Creates the element for a tag and its inner parts. */
export function createElement(page, tag, id) {
  const el = page.doc.createElement('wx-' + tag)
  el.__wx = { id, tag, attrs: {}, content: el, page, state: {}, classes: new Set(), vars: {} }
  WIDGETS[tag]?.create?.(el, page)
  return el
}

/** Sets (or, with undefined, removes) a rendered attribute. */
export function setAttribute(el, name, value) {
  const wx = el.__wx
  if (!wx) return
  if (value === undefined || value === null) delete wx.attrs[name]
  else wx.attrs[name] = value
  if (name === 'class') applyClass(el)
  else if (name === 'style') applyStyle(el)
  else if (name === 'animation' && value !== null && typeof value === 'object') playSteps(el, value)
  else if (name === 'id') { if (value == null || value === '') el.removeAttribute('id'); else el.id = String(value) }
  else if (name.startsWith('data-')) { if (value == null) el.removeAttribute(name); else el.setAttribute(name, typeof value === 'object' ? JSON.stringify(value) : String(value)) }
  else if (!EVENT_ATTR.test(name)) reflect(el, name, value)
  WIDGETS[wx.tag]?.attr?.(el, name, value)
}

/** A property the user changed (value, checked), as the logic layer has it now. */
export function setControl(el, name, value) {
  const w = WIDGETS[el.__wx.tag]
  if (w?.control) w.control(el, name, value)
}

/** The element's children changed (inserted, removed, moved, text changed). */
export function childrenChanged(el) {
  WIDGETS[el.__wx?.tag]?.children?.(el)
}

/** Adds or removes a class managed by the component (kept apart from the page's `class`). */
export function toggleClass(el, name, on) {
  if (on) el.__wx.classes.add(name); else el.__wx.classes.delete(name)
  applyClass(el)
}

/** Sets a style managed by the component (a CSS variable or property) on top of the page's `style`. */
export function setStyleVar(el, name, value) {
  if (value == null || value === '') delete el.__wx.vars[name]; else el.__wx.vars[name] = value
  applyStyle(el)
}

function applyClass(el) {
  // elements of custom components carry their scoped class list (component style isolation) in cssClass
  const own = el.__wx.cssClass != null ? el.__wx.cssClass : el.__wx.attrs.class
  const parts = own == null ? [] : String(own).split(/\s+/).filter(Boolean)
  for (const c of el.__wx.classes) parts.push(c)
  el.className = parts.join(' ')
}

function applyStyle(el) {
  if (el.__wx.virtual) { el.style.cssText = 'display: contents'; return }
  const own = el.__wx.attrs.style
  el.style.cssText = own == null ? '' : rpx(String(own), el.__wx.page.sim.device.screenWidth)
  for (const [k, v] of Object.entries(el.__wx.vars)) el.style.setProperty(k, v)
}

/** rpx in an inline style (the compiler converted WXSS already): 750rpx is the screen width. */
export function rpx(css, screenWidth) {
  return css.replace(/(-?\d*\.?\d+)rpx/g, (_, n) => {
    const px = Number(n) * screenWidth / 750
    return (px !== 0 && Math.abs(px) < 1 ? (px < 0 ? -1 : 1) : Math.round(px * 1e4) / 1e4) + 'px'
  })
}

/** Primitive attributes become DOM attributes (kebab-case), so WXSS attribute selectors and our CSS see them. */
function reflect(el, name, value) {
  const dom = name.replace(/[A-Z]/g, c => '-' + c.toLowerCase())
  if (!/^[a-z][a-z0-9-]*$/.test(dom)) return
  if (value === undefined || value === null || value === false || typeof value === 'object') el.removeAttribute(dom)
  else el.setAttribute(dom, value === true ? '' : String(value))
}

/** Truthiness of a WXML boolean attribute ("false" and "" count as false only where WeChat says so). */
export function bool(v) {
  return v === true || v === 'true' || (typeof v === 'number' && v !== 0) || (typeof v === 'string' && v !== '' && v !== 'false')
}

/** Whether an event type has a binding on the element or an ancestor (so the browser bothers to report it). */
export function bound(el, type) {
  const re = new RegExp('^(bind|catch|captureBind|captureCatch|mutBind|capture-bind:|capture-catch:|mut-bind:|bind:|catch:)' + type + '$')
  for (let n = el; n && n.__wx; n = parentComponent(n)) {
    for (const k of Object.keys(n.__wx.attrs)) if (re.test(k)) return true
  }
  return false
}

function parentComponent(el) {
  for (let n = el.parentNode; n; n = n.parentNode) if (n.__wx) return n
  return null
}
