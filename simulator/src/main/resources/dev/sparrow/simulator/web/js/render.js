// Pages: one iframe per page (WeChat gives each page its own webview), painted from the virtual tree and
// kept up to date by patches applied by node id. Nothing is ever re-rendered wholesale.
import { createElement, setAttribute, childrenChanged, setControl } from './components.js'
import { bindGestures } from './gestures.js'
import { bindPullDownRefresh } from './pull.js'

let pagesCss = ''

/** The components stylesheet every page gets (loaded once by main.js before the first page). */
export function setPagesCss(css) { pagesCss = css }

export class PageFrame {
  constructor(sim, pageId, route, container) {
    this.sim = sim
    this.id = pageId
    this.route = route
    this.nodes = new Map()
    this.iframe = document.createElement('iframe')
    this.iframe.title = route
    this.iframe.dataset.page = pageId
    this.iframe.dataset.route = route
    this.iframe.className = 'hidden'
    container.appendChild(this.iframe)
    const doc = this.iframe.contentDocument
    doc.open()
    doc.write('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>')
    doc.close()
    this.doc = doc
    this.window = {}
  }

  /** First paint: the page's CSS and its whole tree. */
  open(tree, css, window) {
    this.window = window || {}
    const head = this.doc.head
    head.appendChild(style(this.doc, pagesCss, 'components'))
    head.appendChild(style(this.doc, css || '', 'page'))
    if (this.window.backgroundColor) this.doc.documentElement.style.background = this.window.backgroundColor
    const body = this.doc.body
    body.__wx = { id: tree.id, tag: 'page', attrs: tree.attr || {}, content: body, page: this }
    this.nodes.set(tree.id, body)
    for (const child of tree.children || []) body.appendChild(this.build(child))
    bindGestures(this)
    bindPullDownRefresh(this)
    this.doc.defaultView.addEventListener('scroll', () => this.sim.pageScrolled?.(this), { passive: true })
  }

  /** Live reload of a saved WXSS: the page's stylesheet swapped in place. */
  restyle(css) {
    const sheet = this.doc.head.querySelector('style[data-sheet="page"]')
    if (sheet) sheet.textContent = css || ''
  }

  build(vnode) {
    if (vnode.text !== undefined && vnode.tag === undefined) {
      const t = this.doc.createTextNode(vnode.text)
      t.__wxId = vnode.id
      this.nodes.set(vnode.id, t)
      return t
    }
    const el = createElement(this, vnode.tag, vnode.id)
    this.nodes.set(vnode.id, el)
    const attrs = vnode.attr || {}
    if (vnode.cssClass !== undefined) el.__wx.cssClass = vnode.cssClass
    if (vnode.virtual) el.__wx.virtual = true // a virtualHost component's host: no box (display: contents)
    if (vnode.is !== undefined) el.setAttribute('is', vnode.is) // what a component's :host rules select
    for (const name of Object.keys(attrs)) setAttribute(el, name, attrs[name])
    if (vnode.cssClass !== undefined && attrs.class === undefined) setAttribute(el, 'class', undefined)
    if (vnode.virtual && attrs.style === undefined) setAttribute(el, 'style', undefined)
    for (const child of vnode.children || []) el.__wx.content.appendChild(this.build(child))
    childrenChanged(el)
    return el
  }

  /** Applies setData's patches in order (see Patch in the view module). */
  patch(patches) {
    const touched = new Set()
    for (const p of patches) {
      switch (p.op) {
        case 'setText': {
          const n = this.nodes.get(p.id)
          if (n) { n.data = p.text; if (n.parentNode) touched.add(n.parentNode) }
          break
        }
        case 'setAttr': { const el = this.nodes.get(p.id); if (el) setAttribute(el, p.name, p.value); break }
        case 'removeAttr': { const el = this.nodes.get(p.id); if (el) setAttribute(el, p.name, undefined); break }
        case 'setCssClass': { const el = this.nodes.get(p.id); if (el) { el.__wx.cssClass = p.value; setAttribute(el, 'class', el.__wx.attrs.class) } break }
        case 'insert': {
          const parent = this.nodes.get(p.parent)
          if (!parent) break
          const before = p.before == null ? null : this.nodes.get(p.before) || null
          parent.__wx.content.insertBefore(this.build(p.node), before)
          touched.add(parent)
          break
        }
        case 'remove': {
          const n = this.nodes.get(p.id)
          if (!n) break
          if (n.parentNode) touched.add(owner(n.parentNode))
          n.remove()
          this.forget(n)
          break
        }
        case 'move': {
          const n = this.nodes.get(p.id)
          const parent = this.nodes.get(p.parent)
          if (!n || !parent) break
          const before = p.before == null ? null : this.nodes.get(p.before) || null
          parent.__wx.content.insertBefore(n, before)
          touched.add(parent)
          break
        }
      }
    }
    for (const el of touched) { const o = owner(el); if (o && o.__wx) childrenChanged(o) }
  }

  /** What users did to controls, as the logic layer now sees it (typed text cut or replaced, toggles). */
  controls(map) {
    for (const id of Object.keys(map)) {
      const el = this.nodes.get(Number(id))
      if (!el) continue
      for (const [name, value] of Object.entries(map[id])) setControl(el, name, value)
    }
  }

  forget(n) {
    if (n.__wxId !== undefined) this.nodes.delete(n.__wxId)
    if (n.__wx) {
      this.nodes.delete(n.__wx.id)
      n.__wx.dispose?.()
      for (const c of Array.from(n.__wx.content.childNodes)) this.forget(c)
    }
  }

  show(visible) { this.iframe.classList.toggle('hidden', !visible) }

  destroy() {
    for (const n of this.nodes.values()) n.__wx?.dispose?.()
    this.iframe.remove()
  }

  /** Sends a gesture on element {@code el} to the logic layer. */
  send(el, type, extra) {
    this.sim.send(Object.assign({ t: 'event', page: this.id, node: el.__wx.id, type }, extra || {}))
  }
}

/** The component element that owns a DOM node (its content may be an inner element). */
export function owner(node) {
  for (let n = node; n; n = n.parentNode) if (n.__wx) return n
  return null
}

function style(doc, css, name) {
  const s = doc.createElement('style')
  s.dataset.sheet = name
  s.textContent = css
  return s
}
