// What public projects' miniprogram-automator suites rely on (docs/compatibility.md, "Public automator suites"):
// wxsms/food-diary's suite finds WeUI's mp-cell in an mp-cells host's slot, writes mp-actionsheet for the tag
// mp-actionSheet, taps a cell of the action sheet whose flat actions its property observer groups, reads an input
// bound to a number as a string and a <text decode> date with its &nbsp; decoded.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')

const { launch } = require('./launch')
let miniProgram
let page

before(async () => {
  miniProgram = await launch('automation/src/test/resources/public-suites')
  page = await miniProgram.currentPage()
}, { timeout: 180000 })

after(async () => {
  if (miniProgram) await miniProgram.close()
})

test('element.$$ on a component host finds its own elements and the content of its slot', async () => {
  const cells = await page.$('mp-cells')
  const each = await cells.$$('mp-cell')
  assert.equal(each.length, 2)
  assert.equal(await (await each[1].$('.hd')).text(), 'remicade')
  assert.equal(await (await cells.$('.title')).text(), 'tools')
})

test('type selectors ignore letter case and tagName is lowercase', async () => {
  const sheet = await page.$('mp-actionsheet')
  assert.ok(sheet)
  assert.equal(sheet.tagName, 'mp-actionsheet')
  assert.equal((await page.$$('MP-CELL')).length, 2)
})

test('a property observer that regroups its property renders the groups; a tapped cell reaches the page', async () => {
  const sheet = await page.$('mp-actionsheet')
  assert.equal((await sheet.$$('.group')).length, 1)
  const cells = await sheet.$$('.cell')
  assert.deepEqual(await Promise.all(cells.map(c => c.text())), ['breakfast', 'lunch'])
  await cells[1].tap()
  assert.equal(await page.data('picked'), 1)
})

test("an input's or textarea's value is a string", async () => {
  assert.equal(await (await page.$('#weight')).value(), '50')
  assert.equal(await (await page.$('#note')).value(), 'soup')
  assert.equal(await (await page.$('#empty')).value(), '')
  await (await page.$('#weight')).input('51')
  assert.equal(await (await page.$('#weight')).value(), '51')
})

test('<text decode> reads with its entities decoded', async () => {
  const text = await (await page.$('#yesterday')).text()
  assert.equal(text, '\u00a012月6日')
  assert.equal(text.trim(), '12月6日')
})
