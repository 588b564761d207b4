// The UI-library showcases in the simulator (examples/vant): every page opens with Vant's styles applied — a
// primary button in Vant's blue, a popup shown at the bottom of the screen — and nothing on the console.
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

const VANT_BLUE = 'rgb(25, 137, 250)' // @blue / --button-primary-background-color: #1989fa
const VANT_RED = 'rgb(238, 10, 36)'

// Vant's stylesheet reaches the browser only with package-path class prefixes escaped (`@vant/weapp` holds an `@`)
// and its modifier classes only with WXS's `constructor` ('Array', 'Object'): both come with the WXSS/WXS fidelity
// work of issue 14. Until it is on this branch the suite is skipped (SPARROW_SHOWCASE=1 runs it anyway).
const pendingFidelity = process.env.SPARROW_SHOWCASE === '1' ? false
  : 'needs escaped class prefixes and WXS constructor (issue 14, WXSS/WXS fidelity)'

describe('Vant Weapp', { skip: pendingFidelity }, () => {
  let browser, sim, tab
  const consoleErrors = []
  before(async () => {
    install('vant', '@vant/weapp')
    browser = await launchBrowser()
    sim = await startSimulator('examples/vant')
    tab = await openSimulator(browser, sim.url)
    tab.page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()) })
  })
  after(async () => { await tab?.close(); await sim?.stop(); await browser?.close() })

  const style = (locator, prop) => locator.evaluate((el, p) => getComputedStyle(el)[p], prop)

  test('basic: buttons, tags and icons wear Vant\'s colours; a tap counts', async () => {
    const page = await tab.top('pages/basic/basic')
    const primary = page.locator('wx-van-button#primary wx-button')
    await primary.waitFor()
    assert.equal(await style(primary, 'backgroundColor'), VANT_BLUE)
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
    const box = await popup.evaluate(el => { const r = el.closest('.van-popup').getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: innerHeight } })
    assert.ok(Math.abs(box.bottom - box.height) < 2, `popup at the bottom (${JSON.stringify(box)})`)
    assert.equal(await style(page.locator('wx-van-popup#popup .van-popup'), 'position'), 'fixed')
    assert.equal(await style(page.locator('wx-van-popup#popup .van-overlay'), 'position'), 'fixed')
    await tab.page.click('#back')
  })

  test('nav: tabs with an active line, and no console errors on any page', async () => {
    await (await tab.top('pages/basic/basic')).locator('wx-van-cell', { hasText: 'Navigation' }).click()
    const page = await tab.top('pages/nav/nav')
    await page.locator('wx-van-tabs .van-tab', { hasText: 'Sports' }).click()
    await page.locator('wx-text#state', { hasText: /^1\|/ }).waitFor()
    assert.equal(await style(page.locator('wx-van-tabs .van-tabs__line'), 'backgroundColor'), 'rgb(238, 10, 36)')
    assert.deepEqual(tab.errors, [])
    assert.deepEqual(consoleErrors, [])
    assert.deepEqual(sim.output.filter(l => /\berror\b/i.test(l)), [])
  })
})
