// Component style isolation as Chromium applies it: a component under an npm scope (`@lab/ui.kit-2`, so its class
// prefix holds `@`, `.` and `-`), its `:host` rule, and the page's own rules. Project: src/test/node/projects/style-scope.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

describe('style scope', () => {
  let sim, tab, page
  before(async () => {
    sim = await startSimulator('simulator/src/test/node/projects/style-scope')
    tab = await openSimulator(browser, sim.url)
    page = await tab.top('pages/index/index')
    await page.locator('#page-tag').waitFor()
  })
  after(async () => { await tab?.close(); await sim?.stop() })

  const style = (selector, property) => page.locator(selector).evaluate((el, p) => getComputedStyle(el)[p], property)

  test('the escaped class prefix matches the component\'s elements, and only them', async () => {
    assert.equal(await style('#plain wx-view', 'color'), 'rgb(1, 2, 3)')
    assert.equal(await style('#plain wx-view', 'paddingTop'), '10px')
    assert.equal(await style('#plain wx-view', 'fontWeight'), '700')
    assert.equal(await style('#placed wx-view', 'fontWeight'), '400')
    assert.equal(await style('#page-tag', 'color'), 'rgb(9, 9, 9)')
    // every rule of the component's stylesheet parsed (none dropped for an unescaped @ or .)
    const parsed = await page.locator('body').evaluate(() => [...document.styleSheets]
      .flatMap(s => [...s.cssRules]).filter(r => /lab-tag/.test(r.cssText) && /@lab/.test(r.cssText)).length)
    assert.equal(parsed, 2)
  })

  test('the phone\'s font names resolve to a sans-serif face, not the serif default', async () => {
    const widths = await page.locator('body').evaluate(async () => {
      const width = family => {
        const span = document.createElement('span')
        span.style.font = '20px ' + family
        span.textContent = 'Primary Button 123'
        document.body.appendChild(span)
        const w = span.getBoundingClientRect().width
        span.remove()
        return w
      }
      await document.fonts.load('20px "PingFang SC"')
      return { tdesign: width('"PingFang SC", "Microsoft YaHei", "Arial Regular"'), serif: width('serif'),
        sans: width('sans-serif') }
    })
    assert.notEqual(widths.tdesign, widths.serif)
  })

  test(':host styles the host element and loses ties against the page, as in WeChat', async () => {
    assert.equal(await page.locator('#plain').getAttribute('is'), 'miniprogram_npm/@lab/ui.kit-2/tag/index')
    assert.equal(await style('#plain', 'display'), 'flex')
    assert.equal(await style('#placed', 'display'), 'grid')
    assert.deepEqual(tab.errors, [])
  })
})
