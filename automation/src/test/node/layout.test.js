// `sparrow auto --layout browser` (issue 20): the official client's sizes come from a layout — headless Chromium
// painting the page as the simulator does. The fixture (simulator/src/test/resources/layout-lab) has boxes of known
// sizes: head 100 px, #box 200×80 at (30, 120), a 300 px scroll-view #list of 800 px of content, 2,060 px of page.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')

const { launch } = require('./launch')
let miniProgram
let page

before(async () => {
  miniProgram = await launch('simulator/src/test/resources/layout-lab', { args: ['--layout', 'browser'] })
  page = await miniProgram.currentPage()
}, { timeout: 180000 })

after(async () => {
  if (miniProgram) await miniProgram.close()
})

test('element size and offset', async () => {
  const box = await page.$('#box')
  assert.deepEqual(await box.size(), { width: 200, height: 80 })
  assert.deepEqual(await box.offset(), { left: 30, top: 120 })
})

test('page size is the laid-out page', async () => {
  const size = await page.size()
  assert.equal(size.height, 2060)
  assert.equal(size.width, 375)
})

test('SelectorQuery in page code measures the page', async () => {
  const [box, list, viewport] = await page.data('measured')
  assert.deepEqual([box.left, box.top, box.width, box.height], [30, 120, 200, 80])
  assert.deepEqual([list.height, list.scrollHeight], [300, 800])
  assert.equal(viewport.scrollHeight, 2060)
})

test('scroll-view scrollTo reaches the end by its real sizes', async () => {
  const list = await page.$('#list')
  assert.equal(await list.scrollHeight(), 800)
  await list.scrollTo(0, 100)
  assert.deepEqual((await page.data('events')).map(e => e.type), ['scroll'])
  await list.scrollTo(0, 1000) // stops at the end, 800 - 300
  const events = await page.data('events')
  assert.deepEqual(events.map(e => e.type), ['scroll', 'scroll', 'scrolltolower'])
  assert.deepEqual(events[1].detail,
    { scrollLeft: 0, scrollTop: 500, scrollHeight: 800, scrollWidth: 375, deltaX: 0, deltaY: 400 })
  assert.equal(await list.property('scrollTop'), 500)
})

test('pageScrollTo stops at the page\'s end: onReachBottom, the IntersectionObserver sees the last box', async () => {
  assert.deepEqual(await page.data('lastSeen'), [])
  await miniProgram.pageScrollTo(2000)
  await page.waitFor(async () => (await page.data('lastSeen')).length > 0)
  assert.deepEqual(await page.data('lastSeen'), [true])
  const end = await page.scrollTop() // the page's end: 2,060 px less the painted window
  assert.ok(end > 1400 && end < 2000, 'stopped at ' + end)
  await miniProgram.pageScrollTo(3000)
  assert.equal(await page.scrollTop(), end)
  assert.deepEqual(await page.data('scrolled'), [end])
  assert.deepEqual(await page.data('bottoms'), 1)
  const box = await page.$('#box')
  assert.deepEqual(await box.offset(), { left: 30, top: 120 })
})
