// Small formatting helpers shared by the pages.

/** 75.4 → "1:15" */
function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0))
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0')
}

/** 48213 → "47.1 KB" */
function size(bytes) {
  if (bytes == null || isNaN(bytes)) return '—'
  if (bytes < 1024) return bytes + ' B'
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB'
  return (bytes / 1024 / 1024).toFixed(2) + ' MB'
}

/** Unix seconds → "2024-05-01 09:30:00" in local time */
function dateTime(seconds) {
  const d = new Date(seconds * 1000)
  const p = n => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

/** A header value whatever the case of its name. */
function header(headers, name) {
  const wanted = name.toLowerCase()
  for (const k of Object.keys(headers || {})) {
    if (k.toLowerCase() === wanted) return headers[k]
  }
  return undefined
}

/** The file name at the end of a path or URL. */
function baseName(path) {
  return String(path).split(/[\\/]/).pop()
}

module.exports = { clock, size, dateTime, header, baseName }
