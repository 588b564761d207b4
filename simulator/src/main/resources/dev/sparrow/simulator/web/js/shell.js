// The phone around the pages: frame size from the device profile, status bar, navigation bar (title and colours
// from the window config and setNavigationBar*), back button, tab bar from app.json, device presets.

export class Shell {
  constructor(sim) {
    this.sim = sim
    this.screen = document.getElementById('screen')
    this.pagesElement = document.getElementById('pages')
    this.nav = document.getElementById('nav-bar')
    this.title = document.getElementById('nav-title')
    this.back = document.getElementById('back')
    this.tabBar = document.getElementById('tab-bar')
    this.statusBar = document.getElementById('status-bar')
    this.back.addEventListener('click', () => sim.send({ t: 'back' }))
    document.getElementById('toggle-panels')?.addEventListener('click', () => document.body.classList.toggle('no-panels'))
    this.deviceSelect = document.getElementById('device')
    this.deviceSelect?.addEventListener('change', () => {
      this.status('switching device…')
      sim.send({ t: 'device', name: this.deviceSelect.value })
    })
  }

  status(text, kind) {
    const s = document.getElementById('status')
    if (!s) return
    s.textContent = text
    s.className = 'status ' + (kind || '')
  }

  setup(hello) {
    const d = hello.device
    this.screen.style.width = d.screenWidth + 'px'
    this.screen.style.height = d.screenHeight + 'px'
    this.statusBar.style.height = d.statusBarHeight + 'px'
    this.screen.style.paddingBottom = '0px'
    document.getElementById('app-name').textContent = (hello.app.name || hello.app.appId || '') + ' · ' + d.name
    if (this.deviceSelect) {
      this.deviceSelect.textContent = ''
      for (const name of hello.presets || []) {
        const o = document.createElement('option')
        o.value = o.textContent = name
        o.selected = name === d.name
        this.deviceSelect.appendChild(o)
      }
    }
    this.buildTabBar(hello.app.tabBar)
    document.title = (hello.app.name || 'Sparrow') + ' — Sparrow simulator'
  }

  buildTabBar(tabBar) {
    this.tabs = tabBar && !tabBar.custom ? tabBar : null
    this.tabBar.textContent = ''
    if (!this.tabs) return
    this.tabBar.classList.toggle('top', tabBar.position === 'top')
    this.tabBar.style.background = tabBar.backgroundColor || '#f7f7f7'
    this.tabBar.style.borderTopColor = tabBar.borderStyle === 'white' ? '#fff' : 'rgba(0,0,0,.1)'
    this.tabButtons = tabBar.list.map(item => {
      const b = document.createElement('button')
      b.type = 'button'
      b.dataset.route = item.pagePath
      if (item.iconPath && tabBar.position !== 'top') {
        const img = document.createElement('img')
        img.alt = ''
        b.appendChild(img)
      } else {
        b.classList.add('text-only')
      }
      const label = document.createElement('span')
      label.textContent = item.text || ''
      b.appendChild(label)
      const badge = document.createElement('em')
      badge.className = 'tab-badge'
      badge.hidden = true
      b.appendChild(badge)
      b.addEventListener('click', () => this.sim.send({ t: 'tab', route: item.pagePath }))
      this.tabBar.appendChild(b)
      return { b, item }
    })
  }

  /** The app changed its tab bar (setTabBarBadge, setTabBarItem, setTabBarStyle, hide/showTabBar): repaint with it. */
  tabBarChanged(state) {
    this.tabState = state
    this.paintChrome()
  }

  /** Navigation bar, back button and tab bar for the page on top. */
  paintChrome() {
    const page = this.sim.top()
    if (!page) return
    const w = page.window || {}
    const bar = page.bar || {}
    const custom = w.navigationStyle === 'custom'
    this.screen.classList.toggle('custom-nav', custom)
    const bg = bar.backgroundColor || w.navigationBarBackgroundColor || '#000000'
    const front = bar.frontColor || (w.navigationBarTextStyle === 'black' ? '#000000' : '#ffffff')
    for (const el of [this.nav, this.statusBar]) { el.style.background = bg; el.style.color = front }
    this.nav.classList.toggle('white', front.toLowerCase() === '#ffffff')
    this.title.textContent = bar.title ?? w.navigationBarTitleText ?? ''
    this.nav.querySelector('.nav-loading').hidden = !bar.loading
    this.back.hidden = this.sim.stack.length < 2 || custom
    const tabRoute = this.tabs && this.tabs.list.some(i => i.pagePath === page.route) ? page.route : null
    const state = this.tabState
    this.tabBar.hidden = !tabRoute || !!(state && state.hidden)
    if (tabRoute) {
      const inset = this.sim.device.safeAreaBottomInset || 0
      const style = Object.assign({}, this.tabs, state ? state.style : {})
      this.tabBar.style.paddingBottom = inset + 'px'
      this.tabBar.style.background = style.backgroundColor || '#f7f7f7'
      this.tabBar.style.borderTopColor = style.borderStyle === 'white' ? '#fff' : 'rgba(0,0,0,.1)'
      this.tabButtons.forEach(({ b, item }, i) => {
        const now = Object.assign({}, item, state ? state.items[i] : {})
        const on = item.pagePath === tabRoute
        b.classList.toggle('selected', on)
        b.style.color = on ? (style.selectedColor || '#07c160') : (style.color || '#000000')
        b.querySelector('span').textContent = now.text || ''
        const img = b.querySelector('img')
        const icon = on ? (now.selectedIconPath || now.iconPath) : now.iconPath
        if (img && icon) img.src = this.sim.mediaUrl('/' + icon.replace(/^\//, ''), '')
        // WeChat shows a badge of more than 4 characters as "..."
        const badge = b.querySelector('.tab-badge')
        const text = now.badge == null ? null : String(now.badge)
        badge.hidden = text === null && !now.redDot
        badge.classList.toggle('dot', text === null && !!now.redDot)
        badge.textContent = text === null ? '' : text.length > 4 ? '...' : text
      })
    }
    this.pagesElement.style.flexBasis = ''
  }
}
