// What the phone shows over the page: toast and loading, modal (editable too), action sheet, permission prompt,
// chooseImage's album/camera, previewImage's viewer, and the sheet of the <picker> component. Each question
// is answered here by the person and the answer goes back with the prompt's id.
const SCOPES = {
  'scope.record': '使用你的麦克风', 'scope.camera': '使用你的摄像头', 'scope.writePhotosAlbum': '保存图片或视频到你的相册',
  'scope.userLocation': '获取你的位置信息', 'scope.userInfo': '获取你的昵称、头像', 'scope.address': '获取你的通讯地址',
  'scope.invoiceTitle': '获取你的发票抬头', 'scope.werun': '获取你的微信运动步数', 'scope.bluetooth': '使用你的蓝牙'
}

export class Overlays {
  constructor(sim) {
    this.sim = sim
    this.root = document.getElementById('overlays')
    this.open = new Map()
    this.toastEl = null
  }

  handle(m) {
    switch (m.t) {
      case 'toast': this.toast(m.toast); break
      case 'modal': this.show(m.id, this.modal(m)); break
      case 'sheet': this.show(m.id, this.sheet(m)); break
      case 'permission': this.show(m.id, this.permission(m)); break
      case 'pick': this.show(m.id, this.pick(m)); break
      case 'preview': this.show(m.id, this.preview(m)); break
      case 'document': this.show(m.id, this.document(m)); break
      default:
        if (m.t.endsWith('.close')) this.close(m.id)
    }
  }

  show(id, el) {
    el.dataset.prompt = id
    this.open.set(id, el)
    this.root.appendChild(el)
  }

  close(id) {
    const el = this.open.get(id)
    if (!el) return
    this.open.delete(id)
    el.__close?.()
    el.remove()
  }

  toast(t) {
    this.toastEl?.remove()
    this.toastEl = null
    if (!t) return
    const wrap = div(t.mask ? 'toast-mask' : '')
    const box = div('toast' + (t.icon !== 'none' || t.image ? ' with-icon' : ''))
    box.setAttribute('role', 'status')
    if (t.image) {
      const i = div('toast-icon'); const img = document.createElement('img'); img.src = this.sim.mediaUrl(t.image, this.sim.top()?.route); i.appendChild(img); box.appendChild(i)
    } else if (t.icon === 'loading') {
      box.appendChild(div('toast-icon loading'))
    } else if (t.icon === 'success' || t.icon === 'error') {
      const i = div('toast-icon')
      i.innerHTML = t.icon === 'success'
        ? '<svg viewBox="0 0 24 24" width="40" height="40"><path d="M4 12.5l5.5 5.5L20 7" stroke="#fff" stroke-width="2" fill="none"/></svg>'
        : '<svg viewBox="0 0 24 24" width="40" height="40"><circle cx="12" cy="12" r="10" stroke="#fff" stroke-width="1.6" fill="none"/><rect x="11.1" y="6" width="1.8" height="8" fill="#fff"/><rect x="11.1" y="16" width="1.8" height="1.8" fill="#fff"/></svg>'
      box.appendChild(i)
    }
    const title = document.createElement('div')
    title.className = 'toast-title'
    title.textContent = t.title
    box.appendChild(title)
    wrap.appendChild(box)
    if (!t.mask) wrap.style.pointerEvents = 'none'
    this.toastEl = wrap
    this.root.appendChild(wrap)
  }

  modal(m) {
    const mask = div('mask')
    const d = div('dialog')
    d.setAttribute('role', 'dialog')
    const title = div('dialog-title'); title.textContent = m.title || ''
    const body = div('dialog-body' + (m.title ? '' : ' only')); body.textContent = m.content || ''
    d.append(title, body)
    let input = null
    if (m.editable) {
      input = document.createElement('input')
      input.className = 'dialog-input'
      input.placeholder = m.placeholderText || ''
      input.value = m.content || ''
      body.textContent = ''
      d.appendChild(input)
    }
    const buttons = div('dialog-buttons')
    if (m.showCancel) buttons.appendChild(button(m.cancelText || '取消', m.cancelColor || '#000000', () =>
      this.answer({ t: 'modal.answer', id: m.id, confirm: false })))
    buttons.appendChild(button(m.confirmText || '确定', m.confirmColor || '#576B95', () =>
      this.answer({ t: 'modal.answer', id: m.id, confirm: true, content: input ? input.value : '' })))
    d.appendChild(buttons)
    mask.appendChild(d)
    return mask
  }

  sheet(m) {
    const mask = div('mask bottom')
    const s = div('sheet')
    if (m.alertText) { const t = div('sheet-title'); t.textContent = m.alertText; s.appendChild(t) }
    m.itemList.forEach((text, index) => {
      const b = button(text, m.itemColor || '#000000', () => this.answer({ t: 'sheet.answer', id: m.id, index }))
      b.className = 'sheet-item'
      s.appendChild(b)
    })
    const cancel = button('取消', '#000000', () => this.answer({ t: 'sheet.answer', id: m.id, index: -1 }))
    cancel.className = 'sheet-item sheet-cancel'
    s.appendChild(cancel)
    mask.addEventListener('click', e => { if (e.target === mask) this.answer({ t: 'sheet.answer', id: m.id, index: -1 }) })
    mask.appendChild(s)
    return mask
  }

  permission(m) {
    const mask = div('mask bottom')
    const a = div('auth')
    a.setAttribute('role', 'dialog')
    const app = div('auth-app'); app.textContent = this.sim.app.name || this.sim.app.appId || ''
    const title = div('auth-title'); title.textContent = '申请' + (SCOPES[m.scope] || m.scope)
    const desc = div('auth-desc'); desc.textContent = m.scope
    const buttons = div('auth-buttons')
    const deny = button('拒绝', '', () => this.answer({ t: 'permission.answer', id: m.id, allow: false }))
    const allow = button('允许', '', () => this.answer({ t: 'permission.answer', id: m.id, allow: true }))
    allow.className = 'allow'
    buttons.append(deny, allow)
    a.append(app, title, desc, buttons)
    mask.appendChild(a)
    return mask
  }

  answer(message) {
    this.sim.send(message)
    this.close(message.id)
  }

  /** chooseImage/chooseMedia/chooseMessageFile: the browser's file picker, or its camera. */
  pick(m) {
    const sources = m.sourceTypes && m.sourceTypes.length ? m.sourceTypes : ['album', 'camera']
    const input = document.createElement('input')
    input.type = 'file'
    // chooseMessageFile asks for 'all' or 'file': any file, as a chat offers
    const accept = { video: 'video/*', mix: 'image/*,video/*', image: 'image/*' }[m.mediaType]
    if (accept) input.accept = accept
    input.multiple = m.count > 1
    input.hidden = true
    input.addEventListener('change', () => this.upload(m, Array.from(input.files).slice(0, m.count), 'album'))
    input.addEventListener('cancel', () => this.answer({ t: 'pick.cancel', id: m.id }))
    const mask = div('mask bottom')
    const s = div('sheet')
    const album = button('从手机相册选择', '#000000', () => input.click())
    album.className = 'sheet-item'
    album.dataset.source = 'album'
    const camera = button('拍摄', '#000000', () => this.camera(m, mask))
    camera.className = 'sheet-item'
    camera.dataset.source = 'camera'
    if (sources.includes('camera')) s.appendChild(camera)
    if (sources.includes('album')) s.appendChild(album)
    const cancel = button('取消', '#000000', () => this.answer({ t: 'pick.cancel', id: m.id }))
    cancel.className = 'sheet-item sheet-cancel'
    s.append(cancel, input)
    mask.appendChild(s)
    // WeChat opens the album straight away when it is the only source; a browser needs the person's gesture,
    // which the tap that called chooseImage usually still provides.
    if (sources.length === 1 && sources[0] === 'album' && navigator.userActivation?.isActive) setTimeout(() => input.click(), 0)
    return mask
  }

  async upload(m, files, source) {
    if (files.length === 0) { this.answer({ t: 'pick.cancel', id: m.id }); return }
    const uploads = []
    for (const f of files) {
      const r = await fetch('/upload?name=' + encodeURIComponent(f.name || 'photo.jpg'), { method: 'POST', body: f })
      if (r.ok) uploads.push((await r.json()).upload)
    }
    this.answer({ t: 'pick.done', id: m.id, uploads, source })
  }

  async camera(m, sheet) {
    let stream
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true })
    } catch (e) {
      sheet.querySelector('[data-source=album]')?.click()
      return
    }
    const view = div('fullscreen camera')
    const video = document.createElement('video')
    video.autoplay = true
    video.playsInline = true
    video.srcObject = stream
    const bar = div('camera-bar')
    const stop = () => stream.getTracks().forEach(t => t.stop())
    const cancel = button('取消', '#fff', () => { stop(); view.remove() })
    const shutter = button('', '', async () => {
      const canvas = document.createElement('canvas')
      canvas.width = video.videoWidth || 640
      canvas.height = video.videoHeight || 480
      canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height)
      stop()
      view.remove()
      const blob = await new Promise(r => canvas.toBlob(r, 'image/jpeg', 0.92))
      this.upload(m, [new File([blob], 'camera.jpg', { type: 'image/jpeg' })], 'camera')
    })
    shutter.className = 'shutter'
    shutter.setAttribute('aria-label', 'Take photo')
    bar.append(cancel, shutter, div(''))
    view.append(video, bar)
    sheet.__close = stop
    sheet.appendChild(view)
  }

  /** previewImage: full screen, swipe or arrows between images, tap to close. */
  preview(m) {
    const view = div('fullscreen viewer')
    const track = div('viewer-track')
    const route = this.sim.top()?.route
    m.urls.forEach(u => {
      const slide = div('viewer-slide')
      const img = document.createElement('img')
      img.src = this.sim.mediaUrl(u, route)
      img.alt = ''
      slide.appendChild(img)
      track.appendChild(slide)
    })
    let index = Math.max(0, m.urls.indexOf(m.current))
    const counter = div('viewer-index')
    const go = i => {
      index = Math.max(0, Math.min(m.urls.length - 1, i))
      track.style.transform = `translateX(-${index * 100}%)`
      counter.textContent = m.urls.length > 1 ? `${index + 1}/${m.urls.length}` : ''
    }
    const prev = button('‹', '#fff', e => { e.stopPropagation(); go(index - 1) }); prev.className = 'viewer-nav prev'
    const next = button('›', '#fff', e => { e.stopPropagation(); go(index + 1) }); next.className = 'viewer-nav next'
    let startX = null
    view.addEventListener('pointerdown', e => { startX = e.clientX })
    view.addEventListener('pointerup', e => {
      if (startX == null || e.target.closest('.viewer-nav')) return
      const d = e.clientX - startX
      startX = null
      if (Math.abs(d) > 30) go(index + (d < 0 ? 1 : -1))
      else this.answer({ t: 'preview.closed', id: m.id })
    })
    view.append(track, counter)
    if (m.urls.length > 1) view.append(prev, next)
    go(index)
    return view
  }

  /** openDocument: PDF pages rendered by the simulator, Office documents as their preview. */
  document(m) {
    const view = div('fullscreen document')
    const bar = div('document-bar')
    const close = button('‹ 返回', '#000', () => this.answer({ t: 'document.closed', id: m.id }))
    const name = document.createElement('span')
    name.textContent = m.fileType.toUpperCase() + (m.pages ? ` · ${m.pages} 页` : '')
    bar.append(close, name)
    const body = div('document-body')
    if (m.text != null) {
      const pre = document.createElement('pre')
      pre.textContent = m.text
      body.appendChild(pre)
    }
    for (let i = 0; i < (m.pages || 0); i++) {
      const img = document.createElement('img')
      img.loading = 'lazy'
      img.alt = `page ${i + 1}`
      img.src = `/document/${m.id}/${i + 1}.png`
      body.appendChild(img)
    }
    if (m.image) {
      const img = document.createElement('img')
      img.alt = 'preview'
      img.src = `/document/${m.id}/preview.png`
      body.appendChild(img)
    }
    view.append(bar, body)
    return view
  }

  /** The <picker> component's sheet: selector, multiSelector, time, date. */
  picker(options, on) {
    const mask = div('mask bottom')
    const sheet = div('picker-sheet')
    const head = div('picker-head')
    const done = () => mask.remove()
    const cancel = button('取消', '#000', () => { done(); on.cancel() })
    const confirm = button('确定', '', () => { done(); on.done(read()) })
    confirm.className = 'confirm'
    head.append(cancel, confirm)
    sheet.appendChild(head)
    let read
    if (options.mode === 'time' || options.mode === 'date') {
      const input = document.createElement('input')
      input.className = 'picker-native'
      input.type = options.mode
      if (options.value) input.value = options.value
      if (options.start) input.min = options.start
      if (options.end) input.max = options.end
      sheet.appendChild(input)
      read = () => input.value
    } else {
      const multi = options.mode === 'multiSelector'
      const range = options.range || []
      const columns = multi ? range : [range]
      const values = multi ? (Array.isArray(options.value) ? options.value.slice() : columns.map(() => 0)) : [Number(options.value) || 0]
      const box = div('picker-columns')
      columns.forEach((col, c) => {
        const column = div('picker-column')
        ;(col || []).forEach((item, i) => {
          const row = document.createElement('div')
          row.textContent = typeof item === 'object' && item !== null ? String(item[options.rangeKey] ?? '') : String(item)
          row.className = i === values[c] ? 'selected' : ''
          row.addEventListener('click', () => {
            values[c] = i
            column.querySelectorAll('div').forEach((r, k) => r.classList.toggle('selected', k === i))
            row.scrollIntoView({ block: 'center' })
            if (multi) on.column(c, i)
          })
          column.appendChild(row)
        })
        box.appendChild(column)
        requestAnimationFrame(() => column.children[values[c]]?.scrollIntoView({ block: 'center' }))
      })
      box.appendChild(div('picker-band'))
      sheet.appendChild(box)
      read = () => multi ? values.slice() : values[0]
    }
    mask.appendChild(sheet)
    mask.addEventListener('click', e => { if (e.target === mask) { done(); on.cancel() } })
    this.root.appendChild(mask)
  }
}

function div(cls) {
  const d = document.createElement('div')
  if (cls) d.className = cls
  return d
}

function button(text, color, onClick) {
  const b = document.createElement('button')
  b.type = 'button'
  b.textContent = text
  if (color) b.style.color = color
  b.addEventListener('click', onClick)
  return b
}
