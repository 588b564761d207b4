// Base library 1.x components WeChat still renders: toast, loading, modal, action-sheet (its items are plain
// elements). Painted as WeUI drew them, over the page. `hidden` hides them as any element. Their events: a toast's
// change after its duration comes from the session's clock; a modal's buttons and an action sheet's mask are here;
// a tap in an action-sheet-cancel reaches the session as a tap, which fires the sheet's change there.
import { bool } from './components.js'

function part(doc, tag, cls) {
  const n = doc.createElement(tag)
  n.className = cls
  return n
}

function overlay(kind) {
  return {
    create(el, page) {
      const doc = page.doc
      const body = part(doc, 'div', `wx-${kind}`)
      const icon = part(doc, 'i', kind === 'loading' ? 'wx-loading-icon' : 'wx-toast-icon')
      const content = part(doc, 'p', `wx-${kind}-content`)
      body.append(icon, content)
      el.append(part(doc, 'div', 'wx-toast-mask'), body)
      el.__wx.content = content
    }
  }
}

const modal = {
  create(el, page) {
    const doc = page.doc
    const mask = part(doc, 'div', 'wx-modal-mask')
    const dialog = part(doc, 'div', 'wx-modal-dialog')
    const title = part(doc, 'div', 'wx-modal-title')
    const content = part(doc, 'div', 'wx-modal-content')
    const footer = part(doc, 'div', 'wx-modal-footer')
    const cancel = part(doc, 'div', 'wx-modal-btn-cancel')
    const confirm = part(doc, 'div', 'wx-modal-btn-confirm')
    cancel.textContent = '取消'
    confirm.textContent = '确定'
    title.hidden = true
    footer.append(cancel, confirm)
    dialog.append(title, content, footer)
    el.append(mask, dialog)
    Object.assign(el.__wx, { content, title, cancel, confirm })
    // "bindcancel: 点击取消以及蒙层触发的回调"
    mask.addEventListener('click', () => page.send(el, 'cancel', { detail: {} }))
    cancel.addEventListener('click', () => page.send(el, 'cancel', { detail: {} }))
    confirm.addEventListener('click', () => page.send(el, 'confirm', { detail: {} }))
  },
  attr(el, name, value) {
    const w = el.__wx
    if (name === 'title') { w.title.textContent = value == null ? '' : String(value); w.title.hidden = !w.title.textContent }
    if (name === 'confirmText') w.confirm.textContent = value == null ? '确定' : String(value)
    if (name === 'cancelText') w.cancel.textContent = value == null ? '取消' : String(value)
    if (name === 'noCancel') w.cancel.hidden = bool(value)
  }
}

const actionSheet = {
  create(el, page) {
    const doc = page.doc
    const mask = part(doc, 'div', 'wx-action-sheet-mask')
    const sheet = part(doc, 'div', 'wx-action-sheet')
    el.append(mask, sheet)
    el.__wx.content = sheet
    // "bindchange: 点击背景或 action-sheet-cancel 按钮时触发 change 事件，不携带数据"
    mask.addEventListener('click', () => page.send(el, 'change', { detail: {} }))
  }
}

export const LEGACY_WIDGETS = {
  toast: overlay('toast'),
  loading: overlay('loading'),
  modal,
  'action-sheet': actionSheet
}
