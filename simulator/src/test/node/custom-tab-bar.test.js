// A custom tab bar (app.json tabBar.custom) in the simulator: the app's custom-tab-bar/index, with a component of
// its own, painted at the bottom of each tab page instead of the built-in bar; tapping its items switches tabs and
// the shown page's onShow selects its item through this.getTabBar(). Project: projects/custom-tab-bar.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

const PROJECT = 'simulator/src/test/node/projects/custom-tab-bar'
const BAR = 'wx-custom-tab-bar[is="custom-tab-bar/index"]'
const ON = 'custom-tab-bar-index--on'

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

describe('custom tab bar', () => {
  let sim, tab
  before(async () => { sim = await startSimulator(PROJECT); tab = await openSimulator(browser, sim.url) })
  after(async () => { await tab?.close(); await sim?.stop() })

  /** The item elements of the tab bar on the page of `route`, with whether each is selected. */
  async function items(route) {
    const frame = await tab.top(route)
    const list = frame.locator(`${BAR} wx-view[data-index]`)
    await list.first().waitFor()
    return { frame, list }
  }

  test('shows at the bottom of the phone instead of the built-in bar, with its own component', async () => {
    const { frame, list } = await items('pages/home/home')
    assert.equal(await tab.page.locator('#tab-bar').isHidden(), true)
    assert.equal(await list.count(), 2)
    assert.deepEqual(await list.allTextContents(), ['Home', 'Me3'])
    assert.match(await list.nth(0).getAttribute('class'), new RegExp(ON))
    assert.equal(await frame.locator(`${BAR} wx-dot wx-text`).textContent(), '3')
    // the bar's bottom edge is the page's screen's, and the page's screen ends at the phone's screen
    const bar = frame.locator(`${BAR} > wx-view`)
    const barBox = await bar.boundingBox()
    const screen = await tab.page.locator('#screen').boundingBox()
    const iframe = await tab.page.locator('#pages iframe[data-route="pages/home/home"]').boundingBox()
    assert.ok(Math.abs(barBox.y + barBox.height - (iframe.y + iframe.height)) < 1, JSON.stringify({ barBox, iframe }))
    assert.ok(Math.abs(iframe.y + iframe.height - (screen.y + screen.height)) < 1, JSON.stringify({ iframe, screen }))
    assert.ok(Math.abs(barBox.height - 51) < 1, JSON.stringify(barBox)) // 50px and the 1px top border
    // above the page: the element at its middle is the bar's
    const hit = await bar.evaluate(el => {
      const r = el.getBoundingClientRect()
      const at = el.ownerDocument.elementFromPoint(r.left + r.width / 4, r.top + r.height / 2)
      return el.contains(at)
    })
    assert.equal(hit, true)
  })

  test('tapping its items switches tabs; onShow selects through getTabBar()', async () => {
    let { list } = await items('pages/home/home')
    await list.nth(1).click()
    ;({ list } = await items('pages/me/me'))
    await waitForClass(list.nth(1), ON)
    assert.doesNotMatch(await list.nth(0).getAttribute('class'), new RegExp(ON))
    await list.nth(0).click()
    ;({ list } = await items('pages/home/home'))
    await waitForClass(list.nth(0), ON)
    assert.equal(tab.errors.length, 0, tab.errors.join('\n'))
  })

  test('a page that is not a tab has no tab bar', async () => {
    const frame = await tab.top('pages/home/home')
    await frame.locator('wx-button').click()
    const detail = await tab.top('pages/detail/detail')
    await detail.locator('wx-view', { hasText: 'Detail page' }).waitFor()
    assert.equal(await detail.locator(BAR).count(), 0)
    assert.equal(await tab.page.locator('#tab-bar').isHidden(), true)
  })
})

/** Waits until the element's class list holds `name` (a patch from setData). */
async function waitForClass(locator, name) {
  const handle = await locator.elementHandle()
  await handle.evaluate((el, n) => new Promise(resolve => {
    if (el.classList.contains(n)) return resolve()
    new MutationObserver((_, o) => { if (el.classList.contains(n)) { o.disconnect(); resolve() } })
      .observe(el, { attributes: true, attributeFilter: ['class'] })
  }), name)
}
