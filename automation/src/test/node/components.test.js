// Custom components through the official client: page.$ finds hosts (CustomElement), element.$ searches
// a component's own WXML, data/setData/callMethod reach the instance, events reach the page.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')

const { launch } = require('./launch')
let miniProgram

before(async () => {
  miniProgram = await launch('examples/components-lab')
}, { timeout: 180000 })

after(async () => {
  if (miniProgram) await miniProgram.close()
})

test('a component host is a CustomElement with data, setData and callMethod', async () => {
  const page = await miniProgram.currentPage()
  const counter = await page.$('#main')
  assert.equal(counter.tagName, 'counter')
  assert.equal(typeof counter.callMethod, 'function')
  assert.equal(await counter.data('count'), 3)
  assert.equal((await counter.data()).doubled, 6)
  await counter.setData({ count: 10 })
  assert.equal(await (await counter.$('.value')).text(), '10')
  assert.equal(await counter.callMethod('reset', 4), 4)
  assert.equal(await (await counter.$('.doubled')).text(), '8')
})

test('page queries stop at component hosts; element queries search inside', async () => {
  const page = await miniProgram.currentPage()
  assert.equal(await page.$('.value'), null)
  const items = await page.$$('list-item')
  assert.equal(items.length, 2)
  assert.equal(await (await items[1].$('.title')).text(), 'two')
  const view = await page.$('.title')
  assert.equal(view.nodeId, null)
})

test('a tap inside a component triggers its event on the page', async () => {
  const page = await miniProgram.currentPage()
  const counter = await page.$('#main')
  await (await counter.$('.inc')).tap()
  assert.equal(await counter.data('count'), 6)
  assert.equal(await page.data('lastChange'), 'count 6 from main/primary')
})
