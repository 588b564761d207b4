// Pull-down refresh on a page whose window config enables it (enablePullDownRefresh): dragging the page down
// from its top reveals WeChat's three dots; letting go past TRIGGER_PX asks the logic layer for onPullDownRefresh
// (`page.pull`) and the dots stay until the session says the refresh stopped (`page.refreshing`, from
// wx.stopPullDownRefresh). wx.startPullDownRefresh shows them the same way.
const TRIGGER_PX = 50
const MAX_PX = 80

export function bindPullDownRefresh(page) {
  const doc = page.doc
  const dots = doc.createElement('div')
  dots.className = 'wx-pull-down ' + (page.window.backgroundTextStyle === 'light' ? 'light' : 'dark')
  dots.innerHTML = '<i></i><i></i><i></i>'
  doc.documentElement.appendChild(dots)
  let pull = null
  let refreshing = false

  const show = (px, animated) => {
    doc.body.style.transition = dots.style.transition = animated ? 'transform .2s ease-out, height .2s ease-out' : 'none'
    doc.body.style.transform = px > 0 ? `translateY(${px}px)` : ''
    dots.style.height = px + 'px'
  }

  doc.addEventListener('pointerdown', e => {
    const top = (doc.scrollingElement || doc.documentElement).scrollTop
    pull = e.button === 0 && !refreshing && page.window.enablePullDownRefresh && top <= 0 ? { y: e.clientY, dy: 0 } : null
  })
  doc.addEventListener('pointermove', e => {
    if (!pull) return
    pull.dy = Math.max(0, Math.min(MAX_PX, (e.clientY - pull.y) * 0.6))
    show(pull.dy, false)
  })
  doc.addEventListener('pointerup', () => {
    const p = pull
    pull = null
    if (!p) return
    if (p.dy >= TRIGGER_PX * 0.6) {
      refreshing = true
      show(TRIGGER_PX, true)
      page.sim.send({ t: 'page.pull', page: page.id })
    } else {
      show(0, true)
    }
  })

  /** The session's word: the refresh started (startPullDownRefresh, or our own pull) or stopped. */
  page.refreshing = on => {
    refreshing = on
    show(on ? TRIGGER_PX : 0, true)
  }
}
