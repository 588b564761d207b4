// Display components: image (with every `mode`), icon, progress, swiper, scroll-view, rich-text, video.
import { toggleClass, bool } from './components.js'

const MODES = {
  scaleToFill: ['100% 100%', 'center'], aspectFit: ['contain', 'center'], aspectFill: ['cover', 'center'],
  top: ['auto', 'center top'], bottom: ['auto', 'center bottom'], center: ['auto', 'center center'],
  left: ['auto', 'left center'], right: ['auto', 'right center'], 'top left': ['auto', 'left top'],
  'top right': ['auto', 'right top'], 'bottom left': ['auto', 'left bottom'], 'bottom right': ['auto', 'right bottom']
}

const image = {
  create(el, page) {
    const doc = page.doc
    const box = doc.createElement('div')
    const img = doc.createElement('img')
    img.alt = ''
    el.append(box, img)
    el.__wx.content = doc.createElement('div')
    Object.assign(el.__wx, { box, img })
    img.addEventListener('load', () => {
      page.send(el, 'load', { detail: { width: img.naturalWidth, height: img.naturalHeight } })
    })
    img.addEventListener('error', () => {
      if (img.getAttribute('src')) page.send(el, 'error', { detail: { errMsg: 'GET ' + el.__wx.attrs.src + ' 404 (Not Found)' } })
    })
  },
  attr(el, name, value) {
    if (name === 'src') {
      const url = value ? el.__wx.page.sim.mediaUrl(String(value), el.__wx.page.route) : ''
      el.__wx.box.style.backgroundImage = url ? `url("${url.replace(/"/g, '%22')}")` : ''
      if (url) el.__wx.img.src = url; else el.__wx.img.removeAttribute('src')
    }
    if (name === 'mode' || name === 'src') {
      const mode = el.__wx.attrs.mode || 'scaleToFill'
      const [size, position] = MODES[mode] || MODES.scaleToFill
      el.__wx.box.style.backgroundSize = size
      el.__wx.box.style.backgroundPosition = position
      toggleClass(el, 'width-fix', mode === 'widthFix')
      toggleClass(el, 'height-fix', mode === 'heightFix')
    }
  }
}

// WeUI's icons, drawn as SVG paths on a 24×24 box.
const ICONS = {
  success: ['#07c160', '<circle cx="12" cy="12" r="11"/><path d="M6.5 12.5l3.5 3.5 7.5-8" stroke="#fff" stroke-width="2" fill="none"/>'],
  success_no_circle: ['#07c160', '<path d="M3 12.5l6 6L21 6" stroke="currentColor" stroke-width="2.4" fill="none"/>'],
  info: ['#10aeff', '<circle cx="12" cy="12" r="11"/><rect x="11" y="10" width="2" height="8" fill="#fff"/><rect x="11" y="6" width="2" height="2" fill="#fff"/>'],
  warn: ['#fa5151', '<circle cx="12" cy="12" r="11"/><rect x="11" y="6" width="2" height="8" fill="#fff"/><rect x="11" y="16" width="2" height="2" fill="#fff"/>'],
  waiting: ['#10aeff', '<circle cx="12" cy="12" r="11"/><path d="M12 6v6.5l4 2.5" stroke="#fff" stroke-width="2" fill="none"/>'],
  cancel: ['#fa5151', '<circle cx="12" cy="12" r="10" stroke="currentColor" stroke-width="2" fill="none"/><path d="M8 8l8 8M16 8l-8 8" stroke="currentColor" stroke-width="2"/>'],
  download: ['#07c160', '<circle cx="12" cy="12" r="11"/><path d="M12 6v10M7.5 11.5L12 16l4.5-4.5" stroke="#fff" stroke-width="2" fill="none"/>'],
  search: ['#b2b2b2', '<circle cx="10.5" cy="10.5" r="6.5" stroke="currentColor" stroke-width="2" fill="none"/><path d="M15.5 15.5L21 21" stroke="currentColor" stroke-width="2"/>'],
  clear: ['#b2b2b2', '<circle cx="12" cy="12" r="11"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2"/>'],
  circle: ['#c9c9c9', '<circle cx="12" cy="12" r="10.5" stroke="currentColor" stroke-width="1.5" fill="none"/>'],
  info_circle: ['#10aeff', '<circle cx="12" cy="12" r="10.5" stroke="currentColor" stroke-width="1.5" fill="none"/><rect x="11" y="10" width="2" height="8"/><rect x="11" y="6" width="2" height="2"/>']
}

const icon = {
  attr(el) {
    const a = el.__wx.attrs
    const [color, body] = ICONS[a.type] || ICONS.info
    const size = a.size == null ? 23 : parseFloat(String(a.size).replace('px', '')) || 23
    const fill = a.color || color
    el.innerHTML = `<svg viewBox="0 0 24 24" width="${size}" height="${size}" fill="${fill}" color="${fill}">${body}</svg>`
  }
}

const progress = {
  create(el, page) {
    const doc = page.doc
    const bar = doc.createElement('div'); bar.className = 'wx-progress-bar'
    const inner = doc.createElement('div'); inner.className = 'wx-progress-inner-bar'
    const info = doc.createElement('div'); info.className = 'wx-progress-info'
    bar.appendChild(inner); el.append(bar, info)
    Object.assign(el.__wx, { bar, inner, info, content: doc.createElement('div') })
  },
  attr(el) {
    const a = el.__wx.attrs
    const pct = Math.max(0, Math.min(100, Number(a.percent) || 0))
    el.__wx.bar.style.height = (Number(a.strokeWidth) || 6) + 'px'
    el.__wx.bar.style.backgroundColor = a.backgroundColor || '#ebebeb'
    el.__wx.bar.style.borderRadius = a.borderRadius ? a.borderRadius + 'px' : ''
    el.__wx.inner.style.backgroundColor = a.activeColor || a.color || '#09bb07'
    el.__wx.inner.style.transition = bool(a.active) ? 'width 1s linear' : 'none'
    el.__wx.inner.style.width = pct + '%'
    el.__wx.info.hidden = !bool(a.showInfo)
    el.__wx.info.textContent = pct + '%'
    el.__wx.info.style.fontSize = a.fontSize ? a.fontSize + 'px' : ''
  }
}

const swiper = {
  create(el, page) {
    const doc = page.doc
    const track = doc.createElement('div'); track.className = 'wx-swiper-track'
    const dots = doc.createElement('div'); dots.className = 'wx-swiper-dots'
    el.append(track, dots)
    Object.assign(el.__wx, { content: track, track, dots, current: 0 })
    let start = null
    track.addEventListener('pointerdown', e => { start = { x: e.clientX, y: e.clientY }; track.setPointerCapture(e.pointerId) })
    track.addEventListener('pointerup', e => {
      if (!start) return
      const vertical = bool(el.__wx.attrs.vertical)
      const d = vertical ? e.clientY - start.y : e.clientX - start.x
      start = null
      if (Math.abs(d) > 30) go(el, el.__wx.current + (d < 0 ? 1 : -1), 'touch')
    })
    el.__wx.dispose = () => clearInterval(el.__wx.timer)
  },
  attr(el, name, value) {
    const a = el.__wx.attrs
    if (name === 'current') go(el, Number(value) || 0, null)
    if (name === 'vertical') el.__wx.track.classList.toggle('vertical', bool(value))
    if (name === 'duration') el.__wx.track.style.transitionDuration = (Number(value ?? 500)) + 'ms'
    if (['autoplay', 'interval'].includes(name)) {
      clearInterval(el.__wx.timer)
      if (bool(a.autoplay)) el.__wx.timer = setInterval(() => go(el, el.__wx.current + 1, 'autoplay'), Number(a.interval) || 5000)
    }
    paintDots(el)
  },
  children(el) { paintDots(el); go(el, el.__wx.current, null) }
}

function items(el) { return Array.from(el.__wx.track.children).filter(c => c.__wx) }

function go(el, index, source) {
  const n = items(el).length
  if (n === 0) return
  let i = index
  if (i >= n) i = bool(el.__wx.attrs.circular) || source === 'autoplay' ? 0 : n - 1
  if (i < 0) i = bool(el.__wx.attrs.circular) ? n - 1 : 0
  const changed = i !== el.__wx.current
  el.__wx.current = i
  el.__wx.track.style.transform = bool(el.__wx.attrs.vertical) ? `translateY(-${i * 100}%)` : `translateX(-${i * 100}%)`
  paintDots(el)
  if (changed && source) {
    const item = items(el)[i]
    el.__wx.page.send(el, 'change', { detail: { current: i, currentItemId: item?.__wx.attrs.itemId || '', source } })
  }
}

function paintDots(el) {
  const a = el.__wx.attrs
  const dots = el.__wx.dots
  dots.hidden = !bool(a.indicatorDots)
  if (dots.hidden) return
  dots.textContent = ''
  items(el).forEach((_, i) => {
    const d = el.ownerDocument.createElement('div')
    d.className = 'wx-swiper-dot' + (i === el.__wx.current ? ' wx-swiper-dot-active' : '')
    d.style.backgroundColor = i === el.__wx.current ? (a.indicatorActiveColor || '') : (a.indicatorColor || '')
    dots.appendChild(d)
  })
}

const scrollView = {
  create(el, page) {
    let last = { top: 0, left: 0 }
    let frame = 0
    let edges = { upper: true, lower: false }
    el.addEventListener('scroll', () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        const detail = { scrollLeft: el.scrollLeft, scrollTop: el.scrollTop, scrollHeight: el.scrollHeight, scrollWidth: el.scrollWidth,
          deltaX: el.scrollLeft - last.left, deltaY: el.scrollTop - last.top }
        last = { top: el.scrollTop, left: el.scrollLeft }
        // where the session itself scrolled the view (a driver's scrollTo): its events ran there already
        const driven = el.__wx.driven
        el.__wx.driven = null
        const quiet = driven && driven.top === el.scrollTop && driven.left === el.scrollLeft
        if (!quiet) page.send(el, 'scroll', { detail })
        const a = el.__wx.attrs
        const vertical = bool(a.scrollY)
        const pos = vertical ? el.scrollTop : el.scrollLeft
        const size = vertical ? el.scrollHeight - el.clientHeight : el.scrollWidth - el.clientWidth
        const upper = pos <= Number(a.upperThreshold ?? 50)
        const lower = size - pos <= Number(a.lowerThreshold ?? 50)
        if (!quiet && upper && !edges.upper) {
          page.send(el, 'scrolltoupper', { detail: { direction: vertical ? 'top' : 'left' } })
        }
        if (!quiet && lower && !edges.lower) {
          page.send(el, 'scrolltolower', { detail: { direction: vertical ? 'bottom' : 'right' } })
        }
        edges = { upper, lower }
      })
    }, { passive: true })
  },
  /** The session scrolled the view (a driver's scrollTo): the painted view follows at once, without telling it back. */
  control(el, name, value) {
    if (name !== 'scrollTop' && name !== 'scrollLeft') return
    el[name] = Number(value)
    el.__wx.driven = { top: el.scrollTop, left: el.scrollLeft }
  },
  attr(el, name, value) {
    const smooth = bool(el.__wx.attrs.scrollWithAnimation) ? 'smooth' : 'auto'
    if (name === 'scrollTop' && value != null) requestAnimationFrame(() => el.scrollTo({ top: Number(value), behavior: smooth }))
    if (name === 'scrollLeft' && value != null) requestAnimationFrame(() => el.scrollTo({ left: Number(value), behavior: smooth }))
    if (name === 'scrollIntoView' && value) requestAnimationFrame(() => el.ownerDocument.getElementById(String(value))?.scrollIntoView({ behavior: smooth, block: 'start' }))
    if (name === 'enableFlex') el.style.display = bool(value) ? 'flex' : ''
  }
}

// rich-text: an HTML string (parsed, then only safe tags and attributes kept) or WeChat's node list.
const SAFE_TAGS = new Set(['a', 'abbr', 'b', 'blockquote', 'br', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'fieldset',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'label', 'legend', 'li', 'ol', 'p', 'q', 'span', 'strong', 'sub', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'section', 'caption', 'small', 'big', 'pre', 'font', 'u', 's'])
const SAFE_ATTRS = new Set(['class', 'style', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan', 'span', 'align', 'valign', 'color', 'size', 'face', 'start', 'type', 'title'])

const richText = {
  create(el, page) {
    const box = page.doc.createElement('div')
    el.appendChild(box)
    el.__wx.box = box
    el.__wx.content = page.doc.createElement('div')
  },
  attr(el, name, value) {
    if (name !== 'nodes') return
    const box = el.__wx.box
    box.textContent = ''
    const doc = el.ownerDocument
    const page = el.__wx.page
    const add = (parent, node) => {
      if (node == null) return
      if (typeof node === 'string') { parent.appendChild(doc.createTextNode(node)); return }
      if (node.type === 'text') { parent.appendChild(doc.createTextNode(decode(node.text || ''))); return }
      const tag = String(node.name || '').toLowerCase()
      if (!SAFE_TAGS.has(tag)) { (node.children || []).forEach(c => add(parent, c)); return }
      const out = doc.createElement(tag)
      for (const [k, v] of Object.entries(node.attrs || {})) copyAttr(out, k, v, page)
      ;(node.children || []).forEach(c => add(out, c))
      parent.appendChild(out)
    }
    if (typeof value === 'string') {
      const parsed = new DOMParser().parseFromString(value, 'text/html')
      const walk = (from, to) => {
        for (const n of Array.from(from.childNodes)) {
          if (n.nodeType === 3) { to.appendChild(doc.createTextNode(n.data)); continue }
          if (n.nodeType !== 1) continue
          const tag = n.tagName.toLowerCase()
          if (!SAFE_TAGS.has(tag)) { if (tag !== 'script' && tag !== 'style') walk(n, to); continue }
          const out = doc.createElement(tag)
          for (const a of Array.from(n.attributes)) copyAttr(out, a.name, a.value, page)
          walk(n, out)
          to.appendChild(out)
        }
      }
      walk(parsed.body, box)
    } else if (Array.isArray(value)) {
      value.forEach(n => add(box, n))
    }
  }
}

function copyAttr(el, name, value, page) {
  const k = name.toLowerCase()
  if (!SAFE_ATTRS.has(k)) return
  let v = String(value)
  if (k === 'src') { if (/^\s*javascript:/i.test(v)) return; v = page.sim.mediaUrl(v, page.route) }
  if (k === 'style') v = v.replace(/expression\s*\(|url\s*\(\s*['"]?\s*javascript:/gi, '')
  el.setAttribute(k, v)
}

function decode(s) { const t = document.createElement('textarea'); t.innerHTML = s; return t.value }

function mediaElement(kind) {
  return {
    create(el, page) {
      const m = page.doc.createElement(kind)
      m.controls = true
      m.style.width = '100%'
      m.style.height = '100%'
      el.appendChild(m)
      el.__wx.media = m
      el.__wx.content = page.doc.createElement('div')
      for (const type of ['play', 'pause', 'ended', 'timeupdate']) {
        m.addEventListener(type, () => page.send(el, type, { detail: type === 'timeupdate' ? { currentTime: m.currentTime, duration: m.duration } : {} }))
      }
      el.__wx.dispose = () => m.pause()
    },
    attr(el, name, value) {
      const m = el.__wx.media
      if (name === 'src') m.src = value ? el.__wx.page.sim.mediaUrl(String(value), el.__wx.page.route) : ''
      if (name === 'poster' && kind === 'video') m.poster = value ? el.__wx.page.sim.mediaUrl(String(value), el.__wx.page.route) : ''
      if (name === 'loop') m.loop = bool(value)
      if (name === 'muted') m.muted = bool(value)
      if (name === 'autoplay' && bool(value)) m.play().catch(() => {})
      if (name === 'controls') m.controls = value === undefined || bool(value)
    }
  }
}

function placeholder(label) {
  return {
    create(el) {
      el.style.background = '#f2f2f2'
      el.style.color = '#999'
      el.title = label + ' is not drawn by the simulator'
    }
  }
}

export const MEDIA_WIDGETS = {
  image,
  'cover-image': image,
  icon,
  progress,
  swiper,
  'scroll-view': scrollView,
  'rich-text': richText,
  video: mediaElement('video'),
  audio: mediaElement('audio'),
  map: placeholder('map'),
  'web-view': placeholder('web-view'),
  camera: placeholder('camera')
}
