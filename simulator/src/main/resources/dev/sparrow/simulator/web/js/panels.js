// DevTools-like panels beside the phone: AppData (live page data), Storage (view and edit), Files (saved, user
// and temp files), Cloud (wx.cloud's database: environments, collections, documents), Network (the traffic log)
// and Console (messages and errors with their source locations).
export class Panels {
  constructor(sim) {
    this.sim = sim
    this.active = 'data'
    this.errors = 0
    this.dataTimer = 0
    this.consoleEl = document.getElementById('panel-console')
    this.networkRows = []
    this.cloud = { env: '', collection: '' }
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
    if (this.active === 'cloud') {
      this.sim.send({ t: 'panel', name: 'cloud', env: this.cloud.env, collection: this.cloud.collection })
    }
  }

  /** setData on a page: the AppData panel follows (debounced). */
  pagePatched(pageId) {
    if (this.active === 'cloud') {
      clearTimeout(this.dataTimer)
      this.dataTimer = setTimeout(() => this.refresh(), 120)
      return
    }
    if (this.active !== 'data' || pageId !== this.sim.stack[this.sim.stack.length - 1]) return
    clearTimeout(this.dataTimer)
    this.dataTimer = setTimeout(() => this.refresh(), 120)
  }

  pageChanged() { if (this.active !== 'console' && this.active !== 'network') this.refresh() }

  answer(m) {
    if (m.t === 'panel.data') this.paintData(m)
    if (m.t === 'panel.storage') this.paintStorage(m)
    if (m.t === 'panel.files') this.paintFiles(m)
    if (m.t === 'panel.cloud') this.paintCloud(m)
  }

  /** Environments as a choice, the collections with their counts, the chosen one's documents; storage and logs. */
  paintCloud(m) {
    const el = document.getElementById('panel-cloud')
    el.textContent = ''
    this.cloud.env = m.env || ''
    this.cloud.collection = m.collection || ''
    const bar = document.createElement('div')
    bar.className = 'toolbar'
    if ((m.envs || []).length > 1) {
      const choice = document.createElement('select')
      choice.className = 'cloud-env'
      for (const env of m.envs) choice.appendChild(new Option(env, env, false, env === m.env))
      choice.addEventListener('change', () => { this.cloud = { env: choice.value, collection: '' }; this.refresh() })
      bar.appendChild(choice)
    } else {
      bar.appendChild(text(m.env ? `Environment ${m.env}` : 'No cloud environment yet (init, then a database call)'))
    }
    bar.appendChild(btn('Refresh', () => this.refresh()))
    el.appendChild(bar)
    if (m.error) {
      const e = document.createElement('p')
      e.className = 'cloud-error'
      e.textContent = m.error
      el.appendChild(e)
    }
    if (m.env) {
      const h = document.createElement('h3')
      h.textContent = `Collections (${(m.collections || []).length})`
      el.appendChild(h)
      const list = document.createElement('div')
      list.className = 'cloud-collections'
      for (const c of m.collections || []) {
        const b = btn(`${c.name} (${c.count})`, () => { this.cloud.collection = c.name; this.refresh() })
        b.className = 'cloud-collection' + (c.name === m.collection ? ' active' : '')
        b.dataset.name = c.name
        list.appendChild(b)
      }
      el.appendChild(list)
    }
    if (m.collection) {
      const docs = m.documents || []
      const total = (m.collections || []).find(c => c.name === m.collection)?.count ?? docs.length
      const h = document.createElement('h3')
      h.textContent = `${m.collection}: ${total} document${total === 1 ? '' : 's'}`
        + (total > docs.length ? ` (first ${docs.length})` : '')
      el.appendChild(h)
      for (const d of docs) {
        const row = document.createElement('div')
        row.className = 'cloud-doc'
        row.dataset.id = d._id
        row.appendChild(jsonTree(d, true, d._id))
        el.appendChild(row)
      }
    }
    // the app's cloud storage files and its cloud functions' log lines (see Panels.java)
    for (const [title, list, cls, show] of [
      ['Files (cloud storage)', m.files, 'cloud-files', f => `${f.fileID}  ${f.size ?? ''}`],
      ['Function logs', m.functionLogs, 'cloud-logs',
        l => `${l.name ?? ''}${l.level && l.level !== 'log' ? ' [' + l.level + ']' : ''}: ${l.text ?? ''}`]]) {
      const h = document.createElement('h3')
      h.textContent = list ? `${title} (${list.length})` : title
      el.appendChild(h)
      const box = document.createElement('div')
      box.className = cls
      if (!list || !list.length) box.appendChild(text(list ? 'none yet' : 'not reported by this build'))
      for (const item of list || []) {
        const r = document.createElement('div')
        r.textContent = show(item)
        box.appendChild(r)
      }
      el.appendChild(box)
    }
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
