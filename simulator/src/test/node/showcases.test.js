// The UI-library showcases in the simulator (examples/vant, examples/tdesign): every page opens with the library's
// styles applied — a primary button in Vant's green or TDesign's blue, a popup shown at the bottom of the screen —
// and nothing on the console.
// The library comes from npm: `npm install` runs in the showcase when node_modules is missing, and
// `./sparrow run` builds miniprogram_npm itself.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { repo, startSimulator, launchBrowser, openSimulator } = require('./harness')

function install(example, pkg) {
  const dir = path.join(repo, 'examples', example)
  if (!fs.existsSync(path.join(dir, 'node_modules', pkg, 'package.json'))) {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' })
  }
}

// Vant Weapp 1.11.7's own colours (lib/button, lib/tag, lib/tabs index.wxss defaults)
const VANT_GREEN = 'rgb(7, 193, 96)' // --button-primary-background-color: #07c160
const VANT_BLUE = 'rgb(25, 137, 250)' // --tag-primary-color: #1989fa
const VANT_RED = 'rgb(238, 10, 36)' // --button-danger-background-color, --tabs-bottom-bar-color: #ee0a24

/**
 * A class as an element of Vant's `component` carries it. Vant's components add global classes, so their own
 * classes are there bare and prefixed; a class passed in through an external class (custom-class="van-overlay")
 * is there only with the prefix of the component that passed it, as in WeChat.
 */
const scoped = (component, name) => `[class~="miniprogram_npm-@vant-weapp-${component}-index--${name}"]`

// Icon fonts and pictures come from public CDNs, which a machine without the internet cannot reach: those failed
// loads are the network's, not the simulator's
function collectConsoleErrors(tab, into) {
  const failed = /^Failed to load resource: net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED)/
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/
  const offline = m => failed.test(m.text()) && !loopback.test(m.location().url || '')
  tab.page.on('console', m => { if (m.type() === 'error' && !offline(m)) into.push(m.text()) })
}

const style = (locator, prop) => locator.evaluate((el, p) => getComputedStyle(el)[p], prop)

describe('Vant Weapp', () => {
  let browser, sim, tab
  const consoleErrors = []
  before(async () => {
    install('vant', '@vant/weapp')
    browser = await launchBrowser()
    sim = await startSimulator('examples/vant')
    tab = await openSimulator(browser, sim.url)
    // a page's first open interprets its Vant components' JS: on a loaded machine that outlasts Playwright's 30 s,
    // so every wait below waits on its condition for longer
    tab.page.setDefaultTimeout(150000)
    collectConsoleErrors(tab, consoleErrors)
  }, { timeout: 240000 })
  after(async () => { await tab?.close(); await sim?.stop(); await browser?.close() })

  test('basic: buttons, tags and icons wear Vant\'s colours; a tap counts', async () => {
    const page = await tab.top('pages/basic/basic')
    const primary = page.locator('wx-van-button#primary wx-button')
    await primary.waitFor()
    assert.equal(await style(primary, 'backgroundColor'), VANT_GREEN)
    assert.equal(await style(primary, 'color'), 'rgb(255, 255, 255)')
    assert.equal(await style(page.locator('wx-van-tag >> nth=0 >> wx-view >> nth=0'), 'backgroundColor'), VANT_BLUE)
    const danger = page.locator('wx-van-button >> nth=4 >> wx-button')
    assert.equal(await style(danger, 'backgroundColor'), VANT_RED)
    assert.notEqual(await style(danger, 'borderTopLeftRadius'), '0px', 'a round button is round')
    await primary.click()
    await page.locator('wx-van-cell#cell-value', { hasText: 'primary' }).waitFor()
  })

  test('feedback: the popup slides in at the bottom of the screen over an overlay', async () => {
    await (await tab.top('pages/basic/basic')).locator('wx-van-cell', { hasText: 'Feedback' }).click()
    const page = await tab.top('pages/feedback/feedback')
    await page.locator('wx-van-cell#open-popup wx-view >> nth=0').click()
    const popup = page.locator('wx-van-popup#popup .popup-body')
    await popup.waitFor({ state: 'visible' })
    // the popup slides up for 300 ms (Vant's transition, which starts a frame or more after the popup shows, later
    // on a busy machine); it then rests on the bottom edge: wait, frame by frame, until it does
    await popup.evaluate(el => new Promise(resolve => {
      const box = el.closest('.van-popup')
      const resting = () => {
        const r = box.getBoundingClientRect()
        return Math.abs(r.bottom - innerHeight) < 2 && r.top < innerHeight - 50 && box.getAnimations().length === 0
      }
      const check = () => resting() ? resolve() : requestAnimationFrame(check)
      check()
    }))
    assert.equal(await style(page.locator('wx-van-popup#popup .van-popup'), 'position'), 'fixed')
    const overlay = page.locator(`wx-van-popup#popup ${scoped('overlay', 'van-overlay')}`)
    assert.equal(await style(overlay, 'position'), 'fixed')
    assert.equal(await page.locator('wx-van-popup#popup [class~="van-overlay"]').count(), 0,
      'an external class is there with its prefix only')
    await tab.page.click('#back')
  })

  test('nav: tabs with an active line, and no console errors on any page', async () => {
    await (await tab.top('pages/basic/basic')).locator('wx-van-cell', { hasText: 'Navigation' }).click()
    const page = await tab.top('pages/nav/nav')
    // the tabs answer taps once Vant has measured them: its line shows (opacity 1) from then on
    await page.locator('wx-van-tabs .van-tabs__line').evaluate(el => new Promise(resolve => {
      const check = () => getComputedStyle(el).opacity === '1' ? resolve() : requestAnimationFrame(check)
      check()
    }))
    await page.locator('wx-van-tabs .van-tab', { hasText: 'Sports' }).click()
    await page.locator('wx-text#state', { hasText: /^1\|/ }).waitFor()
    assert.equal(await style(page.locator('wx-van-tabs .van-tabs__line'), 'backgroundColor'), VANT_RED)
    assert.deepEqual(tab.errors, [])
    assert.deepEqual(consoleErrors, [])
    assert.deepEqual(sim.output.filter(l => /\berror\b/i.test(l)), [])
  })
})

// TDesign 1.16.0's light theme (common/style/theme/_index.wxss): --td-brand-color is --td-primary-color-7, #0052d9;
// button.wxss paints .t-button--primary with it and --td-text-color-anti (#ffffff) on top
const TDESIGN_BLUE = 'rgb(0, 82, 217)'

describe('TDesign', () => {
  let browser, sim, tab
  const consoleErrors = []
  before(async () => {
    install('tdesign', 'tdesign-miniprogram')
    // TDesign ships ES modules, compiled with Sucrase on first load: tens of seconds on a cold compile cache, longer
    // than the harness waits for a page frame. `sparrow check` fills the cache first (a few seconds when warm).
    execFileSync(path.join(repo, 'sparrow'), ['check', path.join(repo, 'examples/tdesign')],
      { cwd: repo, stdio: 'ignore' })
    browser = await launchBrowser()
    sim = await startSimulator('examples/tdesign')
    tab = await openSimulator(browser, sim.url)
    collectConsoleErrors(tab, consoleErrors)
  }, { timeout: 240000 })
  after(async () => { await tab?.close(); await sim?.stop(); await browser?.close() })

  test('basic: the primary button wears TDesign\'s brand colour; a tap reaches the page; no console errors',
    async () => {
      const page = await tab.top('pages/basic/basic')
      const primary = page.locator('wx-t-button#primary wx-button')
      await primary.waitFor()
      assert.equal(await style(primary, 'backgroundColor'), TDESIGN_BLUE)
      assert.equal(await style(primary, 'color'), 'rgb(255, 255, 255)')
      await primary.click()
      await page.locator('wx-t-cell#cell-taps', { hasText: 'primary' }).waitFor()
      // tabs "evenly": the tab row fills the tabs' width (a scroll-view is as wide as its flex row, as in WeChat)
      const tabs = page.locator('wx-t-tabs .t-tabs')
      const row = await page.locator('wx-t-tabs .t-tabs__nav').evaluate(el => el.getBoundingClientRect().width)
      assert.ok(Math.abs(row - await tabs.evaluate(el => el.getBoundingClientRect().width)) < 1, 'tabs fill the row')
      const items = await page.locator('wx-t-tabs .t-tabs__item').evaluateAll(els =>
        els.map(el => Math.round(el.getBoundingClientRect().width)))
      assert.equal(items.length, 3)
      assert.ok(items.reduce((a, b) => a + b) >= row - 1, 'the items share the whole row')
      // t-image shows a loading mask until its <image> fires load (the browser's, in the simulator)
      await page.locator('wx-t-image#image .t-image__mask').waitFor({ state: 'detached' })
      await page.locator('wx-t-image#image wx-image').waitFor()
      assert.deepEqual(tab.errors, [])
      assert.deepEqual(consoleErrors, [])
      assert.deepEqual(sim.output.filter(l => /\berror\b/i.test(l)), [])
    })
})
