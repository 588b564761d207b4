// Animations and layout observers as Chromium shows them (examples/motion): the `animation` attribute played as CSS
// transitions step after step with a transitionend per step, this.animate as Web Animations until clearAnimation,
// and a lazy list on IntersectionObserver measured from the browser's layout as the page scrolls.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

describe('motion', () => {
  let sim, tab
  before(async () => { sim = await startSimulator('examples/motion'); tab = await openSimulator(browser, sim.url) })
  after(async () => { await tab?.close(); await sim?.stop() })

  const style = (page, selector, property) =>
    page.locator(selector).evaluate((el, p) => getComputedStyle(el)[p], property)

  test('each exported step transitions in turn and reports its transitionend', async () => {
    const page = await tab.top('pages/card/card')
    await page.locator('wx-button#toggle').click()
    await page.locator('wx-text#ends', { hasText: '2' }).waitFor()
    assert.equal(await page.locator('wx-text#ends').textContent(), '2') // one per step, from the browser only
    assert.equal(await style(page, '#card', 'opacity'), '0.5')
    // the last step's transition, on each property it changes
    assert.deepEqual(new Set((await style(page, '#card', 'transitionDuration')).split(', ')), new Set(['0.2s']))
    assert.deepEqual(new Set((await style(page, '#card', 'transitionDelay')).split(', ')), new Set(['0.05s']))
    // rotate(90deg) translateY(40px): the translation turned by the rotation
    const m = (await style(page, '#card', 'transform')).match(/matrix\(([^)]+)\)/)[1].split(',').map(Number)
    assert.deepEqual(m.map(v => Math.round(v)), [0, 1, -1, 0, -40, 0])
  })

  test('animate leaves the last keyframe until clearAnimation', async () => {
    const first = await tab.top('pages/card/card')
    await first.locator('wx-navigator#to-keyframes').click()
    const page = await tab.top('pages/keyframes/keyframes')
    await page.locator('wx-button#spin').click()
    await page.locator('wx-text#state', { hasText: 'done' }).waitFor()
    await page.locator('#box').evaluate(el => Promise.all(el.getAnimations().map(a => a.finished)))
    assert.equal(await style(page, '#box', 'opacity'), '0')
    assert.equal(await style(page, '#box', 'backgroundColor'), 'rgb(0, 255, 0)')
    await page.locator('wx-button#clear').click()
    await page.locator('wx-text#state', { hasText: 'cleared' }).waitFor()
    assert.equal(await style(page, '#box', 'opacity'), '1')
    assert.equal(await style(page, '#box', 'transform'), 'none')
    assert.equal(await style(page, '#box', 'backgroundColor'), 'rgb(0, 255, 0)')
    // a component animating elements of its own template, with animate and with an exported animation
    // (component elements carry their scoped class names: found by position)
    const dot = page.locator('#pulse wx-view').nth(0)
    await dot.click()
    await page.locator('#pulse wx-view', { hasText: 'pulsed' }).waitFor()
    await dot.evaluate(el => Promise.all(el.getAnimations().map(a => a.finished)))
    assert.deepEqual((await dot.evaluate(el => getComputedStyle(el).transform)).match(/matrix\(([^)]+)\)/)[1]
      .split(',').map(Number), [1.5, 0, 0, 1.5, 15, 0]) // scale(1.5) translate(10px, 0)
    await page.locator('#pulse wx-view').nth(1).evaluate(el => new Promise(resolve => {
      const done = () => getComputedStyle(el).opacity === '0' ? resolve() : requestAnimationFrame(done)
      done()
    }))
    await tab.page.locator('#back').click()
  })

  test('a lazy list loads the rows the viewport reaches, then more as it scrolls', async () => {
    const first = await tab.top('pages/card/card')
    await first.locator('wx-navigator#to-lazy').click()
    const page = await tab.top('pages/lazy/lazy')
    await page.locator('#row-0 wx-text', { hasText: '/images/0.png' }).waitFor()
    assert.equal(await page.locator('#row-11 wx-text').textContent(), 'waiting')
    await page.locator('body').evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await page.locator('#row-11 wx-text', { hasText: '/images/11.png' }).waitFor()
    await tab.page.locator('#back').click()
  })

  test('cells observed relative to a scroll-view show as it scrolls', async () => {
    const first = await tab.top('pages/card/card')
    await first.locator('wx-navigator#to-feed').click()
    const page = await tab.top('pages/feed/feed')
    await page.locator('#cell-2 wx-text', { hasText: 'shown' }).waitFor()
    assert.equal(await page.locator('#cell-3 wx-text').textContent(), 'waiting')
    await page.locator('wx-scroll-view.feed').evaluate(el => {
      const scroller = [el, ...el.querySelectorAll('*')].find(n => n.scrollHeight > n.clientHeight + 1)
      scroller.scrollTop = scroller.scrollHeight
    })
    await page.locator('#cell-9 wx-text', { hasText: 'shown' }).waitFor()
    assert.deepEqual(tab.errors, [])
  })
})
