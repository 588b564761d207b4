// DevTools-like panels beside the phone: AppData (live page data), Storage (view and edit), Files (saved, user
// and temp files), Network (the traffic log) and Console (messages and errors with their source locations).
export class Panels {
  constructor(sim) {
    this.sim = sim
    this.active = 'data'
    this.errors = 0
    this.dataTimer = 0
    this.consoleEl = document.getElementById('panel-console')
    this.networkRows = []
    for (const b of document.querySelectorAll('.panel-tabs button')) {
      b.addEventListener('click', () => this.select(b.dataset.panel))
    }
  }

  select(name) {
    this.active = name
    for (const b of document.querySelectorAll('.panel-tabs button')) b.classList.toggle('active', b.dataset.panel === name)
    for (const p of document.querySelectorAll('.panel')) p.classList.toggle('active', p.id === 'panel-' + name)
    if (name === 'console') { this.errors = 0; this.badge() }
    this.refresh()
  }

  visible() { return !document.body.classList.contains('no-panels') && !document.body.classList.contains('screen-only') }

  refresh() {
    if (!this.visible()) return
    if (this.active === 'data') { const top = this.sim.stack[this.sim.stack.length - 1]; if (top) this.sim.send({ t: 'panel', name: 'data', page: top }) }
    if (this.active === 'storage') this.sim.send({ t: 'panel', name: 'storage' })
    if (this.active === 'files') this.sim.send({ t: 'panel', name: 'files' })
  }

  /** setData on a page: the AppData panel follows (debounced). */
  pagePatched(pageId) {
    if (this.active !== 'data' || pageId !== this.sim.stack[this.sim.stack.length - 1]) return
    clearTimeout(this.dataTimer)
    this.dataTimer = setTimeout(() => this.refresh(), 120)
  }

  pageChanged() { if (this.active !== 'console' && this.active !== 'network') this.refresh() }

  answer(m) {
    if (m.t === 'panel.data') this.paintData(m)
    if (m.t === 'panel.storage') this.paintStorage(m)
    if (m.t === 'panel.files') this.paintFiles(m)
  }

  paintData(m) {
    const el = document.getElementById('panel-data')
    el.textContent = ''
    const h = document.createElement('h3')
    h.textContent = m.route ? `${m.route} (page ${m.page})` : 'no page'
    el.appendChild(h)
    if (m.data) el.appendChild(jsonTree(m.data, true))
  }

  paintStorage(m) {
    const el = document.getElementById('panel-storage')
    el.textContent = ''
    const bar = document.createElement('div')
    bar.className = 'toolbar'
    bar.append(
      btn('Add', () => {
        const key = prompt('Key')
        if (key) this.sim.send({ t: 'storage.set', key, value: prompt('Value (JSON or text)', '') ?? '' })
      }),
      btn('Clear all', () => { if (confirm('Clear all storage?')) this.sim.send({ t: 'storage.clear' }) }),
      btn('Refresh', () => this.refresh()),
      text(`${m.currentSize} KB of ${m.limitSize} KB`))
    el.appendChild(bar)
    const table = document.createElement('table')
    table.innerHTML = '<tr><th>Key</th><th>Type</th><th>Value</th><th></th></tr>'
    for (const item of m.items || []) {
      const tr = document.createElement('tr')
      tr.dataset.key = item.key
      const value = typeof item.value === 'string' ? item.value : JSON.stringify(item.value)
      tr.append(cell(item.key), cell(item.type), cell(value))
      const actions = document.createElement('td')
      actions.append(
        btn('Edit', () => {
          const v = prompt(`Value of "${item.key}" (JSON or text)`, value)
          if (v != null) this.sim.send({ t: 'storage.set', key: item.key, value: v })
        }),
        btn('Delete', () => this.sim.send({ t: 'storage.remove', key: item.key })))
      tr.appendChild(actions)
      table.appendChild(tr)
    }
    el.appendChild(table)
  }

  paintFiles(m) {
    const el = document.getElementById('panel-files')
    el.textContent = ''
    el.appendChild(btn('Refresh', () => this.refresh()))
    for (const [title, list] of [['Saved files', m.saved], ['User files (USER_DATA_PATH)', m.user], ['Temp files', m.temp]]) {
      const h = document.createElement('h3')
      h.textContent = `${title} (${(list || []).length})`
      el.appendChild(h)
      const table = document.createElement('table')
      table.innerHTML = '<tr><th>Path</th><th>Size</th><th>Created</th></tr>'
      for (const f of list || []) {
        const tr = document.createElement('tr')
        const link = document.createElement('a')
        link.href = '/files?path=' + encodeURIComponent(f.filePath)
        link.target = '_blank'
        link.textContent = f.filePath
        const c = document.createElement('td')
        c.appendChild(link)
        tr.append(c, cell(String(f.size)), cell(f.createTime ? new Date(f.createTime * 1000).toLocaleString() : ''))
        table.appendChild(tr)
      }
      el.appendChild(table)
    }
  }

  console(m) {
    const row = document.createElement('div')
    row.className = 'log ' + (m.level || 'log')
    if (m.file) {
      const where = document.createElement('span')
      where.className = 'where'
      where.textContent = m.file + (m.line ? ':' + m.line + (m.column ? ':' + m.column : '') : '')
      row.appendChild(where)
    }
    row.appendChild(document.createTextNode(m.text + (m.stack && m.stack !== m.text ? '\n' + m.stack : '')))
    this.consoleEl.appendChild(row)
    while (this.consoleEl.childNodes.length > 1000) this.consoleEl.firstChild.remove()
    if (m.level === 'error' && this.active !== 'console') { this.errors++; this.badge() }
    if (this.active === 'console') row.scrollIntoView({ block: 'end' })
  }

  traffic(m) {
    const el = document.getElementById('panel-network')
    if (!el.querySelector('table')) {
      el.innerHTML = '<table><tr><th>API</th><th>Method</th><th>URL</th><th>Status</th><th>Size</th><th>Time</th></tr></table>'
    }
    const e = m.entry || m
    const tr = document.createElement('tr')
    tr.className = 'net-row' + (e.error ? ' failed' : '')
    tr.append(cell(e.api || ''), cell(e.method || ''), cell((e.url || '') + (e.mappedTo ? ' → ' + e.mappedTo : '')),
      cell(e.error ? String(e.error) : String(e.status ?? '')), cell(`${e.requestBytes ?? 0} ↑ ${e.responseBytes ?? 0} ↓`),
      cell(e.durationMillis != null ? e.durationMillis + ' ms' : ''))
    el.querySelector('table').appendChild(tr)
  }

  badge() {
    const b = document.getElementById('error-count')
    if (!b) return
    b.hidden = this.errors === 0
    b.textContent = String(this.errors)
  }
}

function jsonTree(value, open, key) {
  const label = key === undefined ? '' : key
  if (value !== null && typeof value === 'object') {
    const d = document.createElement('details')
    d.className = 'json'
    d.open = open
    const s = document.createElement('summary')
    const k = document.createElement('span'); k.className = 'json-key'; k.textContent = label
    s.append(k, document.createTextNode((label !== '' ? ': ' : '') + (Array.isArray(value) ? `Array(${value.length})` : 'Object')))
    d.appendChild(s)
    for (const [k2, v] of Object.entries(value)) d.appendChild(jsonTree(v, false, k2))
    return d
  }
  const row = document.createElement('div')
  row.style.marginLeft = '12px'
  const k = document.createElement('span'); k.className = 'json-key'; k.textContent = label
  const v = document.createElement('span')
  v.className = typeof value === 'string' ? 'json-string' : typeof value === 'number' ? 'json-number' : 'json-literal'
  v.textContent = typeof value === 'string' ? JSON.stringify(value) : String(value)
  row.append(k, document.createTextNode(label !== '' ? ': ' : ''), v)
  return row
}

function cell(t) { const td = document.createElement('td'); td.textContent = t; return td }
function text(t) { const s = document.createElement('span'); s.textContent = t; return s }
function btn(label, onClick) { const b = document.createElement('button'); b.type = 'button'; b.textContent = label; b.addEventListener('click', onClick); return b }
