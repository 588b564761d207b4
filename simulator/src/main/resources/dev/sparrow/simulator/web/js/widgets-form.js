// Form controls: button, input, textarea, checkbox, radio, switch, slider, picker. They paint what the logic
// layer says; the person's actions are reported (typing, taps, drags) and the logic layer answers with
// `page.controls` (e.g. text cut to maxlength) or patches.
import { toggleClass, setStyleVar, bool } from './components.js'

function field(kind) {
  return {
    create(el, page) {
      const input = page.doc.createElement(kind)
      el.appendChild(input)
      el.__wx.input = input
      el.__wx.content = page.doc.createElement('div') // inputs have no children in WXML
      input.addEventListener('input', () => page.send(el, 'input', { value: input.value }))
      input.addEventListener('focus', () => page.send(el, 'focus'))
      input.addEventListener('blur', () => page.send(el, 'blur'))
      input.addEventListener('keydown', e => {
        if (e.key === 'Enter' && (kind === 'input' || e.ctrlKey || e.metaKey)) { e.preventDefault(); page.send(el, 'confirm') }
      })
    },
    attr(el, name, value) {
      const input = el.__wx.input
      switch (name) {
        case 'value': setValue(input, value == null ? '' : String(value)); break
        case 'placeholder': input.placeholder = value == null ? '' : String(value); break
        case 'disabled': input.disabled = bool(value); break
        case 'maxlength': { const n = Number(value ?? 140); if (n >= 0) input.maxLength = n; else input.removeAttribute('maxlength'); break }
        case 'password': if (kind === 'input') input.type = bool(value) ? 'password' : typeOf(el.__wx.attrs.type); break
        case 'type': if (kind === 'input' && !bool(el.__wx.attrs.password)) input.type = typeOf(value); break
        case 'focus': case 'autoFocus': if (bool(value)) setTimeout(() => input.focus(), 0); break
        case 'placeholderStyle': {
          const id = 'ph-' + el.__wx.id
          el.__wx.phStyle?.remove()
          if (value) {
            const s = el.ownerDocument.createElement('style')
            input.dataset.ph = id
            s.textContent = `[data-ph="${id}"]::placeholder{${value}}`
            el.ownerDocument.head.appendChild(s)
            el.__wx.phStyle = s
          }
          break
        }
      }
    },
    control(el, name, value) { if (name === 'value') setValue(el.__wx.input, value == null ? '' : String(value)) },
    dispose(el) { el.__wx.phStyle?.remove() }
  }
}

function typeOf(t) { return t === 'number' || t === 'digit' || t === 'idcard' ? 'text' : 'text' }

function setValue(input, text) {
  if (input.value === text) return
  const focused = input.ownerDocument.activeElement === input
  input.value = text
  if (focused) input.setSelectionRange(text.length, text.length)
}

function toggle(kind) {
  return {
    create(el, page) {
      const doc = page.doc
      const wrapper = doc.createElement('div')
      wrapper.className = `wx-${kind}-wrapper`
      const box = doc.createElement('div')
      box.className = `wx-${kind}-input`
      wrapper.appendChild(box)
      el.appendChild(wrapper)
      el.__wx.box = box
      el.__wx.content = kind === 'switch' ? doc.createElement('div') : wrapper
    },
    attr(el, name, value) {
      if (name === 'checked') paintChecked(el, kind, bool(value))
      if (name === 'color') setStyleVar(el, '--wx-color', value)
      if (name === 'disabled') el.__wx.box.classList.toggle(`wx-${kind}-input-disabled`, bool(value))
      if (name === 'type' && kind === 'switch') el.__wx.box.className = value === 'checkbox' ? 'wx-checkbox-input' : 'wx-switch-input'
    },
    control(el, name, value) { if (name === 'checked') paintChecked(el, kind, bool(value)) }
  }
}

function paintChecked(el, kind, on) {
  const box = el.__wx.box
  const base = box.className.split(' ')[0]
  box.classList.toggle(`${base}-checked`, on)
  el.__wx.state.checked = on
}

const slider = {
  create(el, page) {
    const doc = page.doc
    el.__wx.content = doc.createElement('div')
    const wrapper = doc.createElement('div'); wrapper.className = 'wx-slider-wrapper'
    const area = doc.createElement('div'); area.className = 'wx-slider-tap-area'
    const handle = doc.createElement('div'); handle.className = 'wx-slider-handle-wrapper'
    const track = doc.createElement('div'); track.className = 'wx-slider-track'
    const thumb = doc.createElement('div'); thumb.className = 'wx-slider-thumb'
    const shown = doc.createElement('span'); shown.className = 'wx-slider-value'; shown.hidden = true
    handle.append(track, thumb); area.appendChild(handle); wrapper.append(area, shown); el.appendChild(wrapper)
    Object.assign(el.__wx, { track, thumb, shown, area, value: 0 })
    const at = e => {
      const r = handle.getBoundingClientRect()
      const { min, max, step } = range(el)
      const raw = min + Math.max(0, Math.min(1, (e.clientX - r.left) / r.width)) * (max - min)
      return Math.min(max, min + Math.round((raw - min) / step) * step)
    }
    let dragging = false
    let last = null
    area.addEventListener('pointerdown', e => {
      if (bool(el.__wx.attrs.disabled)) return
      dragging = true
      area.setPointerCapture(e.pointerId)
      paintSlider(el, at(e))
      e.stopPropagation()
    })
    area.addEventListener('pointermove', e => {
      if (!dragging) return
      const v = at(e)
      paintSlider(el, v)
      if (v !== last) { last = v; page.send(el, 'changing', { detail: { value: v } }) }
    })
    const end = e => {
      if (!dragging) return
      dragging = false
      const v = at(e)
      paintSlider(el, v)
      page.send(el, 'change', { value: v })
    }
    area.addEventListener('pointerup', end)
    area.addEventListener('pointercancel', () => { dragging = false })
    el.__wx.noTap = true
  },
  attr(el, name, value) {
    const a = el.__wx.attrs
    if (name === 'showValue') el.__wx.shown.hidden = !bool(value)
    if (name === 'activeColor' || name === 'selectedColor') el.__wx.track.style.backgroundColor = value || ''
    if (name === 'backgroundColor' || name === 'color') el.__wx.track.parentNode.style.backgroundColor = value || ''
    if (name === 'blockColor') el.__wx.thumb.style.backgroundColor = value || ''
    if (name === 'blockSize') { const s = Math.max(12, Math.min(28, Number(value) || 28)); Object.assign(el.__wx.thumb.style, { width: s + 'px', height: s + 'px', margin: `-${s / 2}px 0 0 -${s / 2}px` }) }
    if (['value', 'min', 'max', 'step'].includes(name)) paintSlider(el, Number(a.value ?? range(el).min))
  },
  control(el, name, value) { if (name === 'value') paintSlider(el, Number(value)) }
}

function range(el) {
  const a = el.__wx.attrs
  const min = Number(a.min ?? 0), max = Number(a.max ?? 100), step = Number(a.step ?? 1) || 1
  return { min, max: max > min ? max : min + 1, step }
}

function paintSlider(el, value) {
  const { min, max } = range(el)
  const v = isNaN(value) ? min : Math.max(min, Math.min(max, value))
  const pct = ((v - min) / (max - min)) * 100
  el.__wx.track.style.width = pct + '%'
  el.__wx.thumb.style.left = pct + '%'
  el.__wx.shown.textContent = String(v)
  el.__wx.value = v
}

const button = {
  create(el) { el.setAttribute('role', 'button') },
  attr(el, name, value) {
    if (name === 'loading') {
      el.__wx.spinner?.remove()
      el.__wx.spinner = null
      if (bool(value)) {
        const s = el.ownerDocument.createElement('i')
        s.className = 'wx-button-loading'
        el.insertBefore(s, el.firstChild)
        el.__wx.spinner = s
      }
    }
  },
  hover: 'button-hover'
}

/** picker: tapping opens the shell's picker sheet; its answer is a change (or cancel) of this picker. */
const picker = {
  create(el, page) {
    el.__wx.openPicker = () => {
      const a = el.__wx.attrs
      if (bool(a.disabled)) return
      const mode = a.mode || 'selector'
      const value = el.__wx.state.value !== undefined ? el.__wx.state.value : a.value
      page.sim.overlays.picker({ mode, range: a.range, rangeKey: a.rangeKey, value, start: a.start, end: a.end, fields: a.fields, headerText: a.headerText },
        {
          column: (column, v) => page.send(el, 'columnchange', { detail: { column, value: v } }),
          done: v => { el.__wx.state.value = v; page.send(el, 'change', { value: v }) },
          cancel: () => page.send(el, 'cancel', { detail: {} })
        })
    }
  },
  control(el, name, value) { if (name === 'value') el.__wx.state.value = value },
  attr(el, name) { if (name === 'value') delete el.__wx.state.value }
}

const navigator = { hover: 'navigator-hover' }

export const FORM_WIDGETS = {
  input: field('input'),
  textarea: field('textarea'),
  checkbox: toggle('checkbox'),
  radio: toggle('radio'),
  switch: toggle('switch'),
  slider,
  button,
  picker,
  navigator,
  view: { hover: null }
}
