// The official miniprogram-automator client against Sparrow, launched as DevTools would be:
// automator.launch({ cliPath: './sparrow', projectPath }). No sleeps of our own.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')

const { launch } = require('./launch')
let miniProgram

before(async () => {
  miniProgram = await launch('examples/quickstart')
}, { timeout: 180000 })

after(async () => {
  if (miniProgram) await miniProgram.close()
})

test('the current page and its data', async () => {
  const page = await miniProgram.currentPage()
  assert.equal(page.path, 'pages/index/index')
  assert.equal(await page.data('userName'), 'sparrow')
})

test('page methods and setData', async () => {
  const page = await miniProgram.currentPage()
  await page.callMethod('increment')
  assert.equal(await page.data('count'), 1)
  await page.setData({ motto: 'from automator' })
  assert.equal((await page.data()).motto, 'from automator')
})

test('elements: tap, input, text, attributes, xpath', async () => {
  const page = await miniProgram.currentPage()
  const button = await page.$('#increment')
  assert.equal(button.tagName, 'button')
  await button.tap()
  assert.equal(await button.text(), 'Tapped 2 times')
  const input = await page.$('input')
  await input.input('Wren')
  assert.equal(await page.data('name'), 'Wren')
  assert.equal(await input.value(), 'Wren')
  assert.equal(await input.attribute('placeholder'), 'Your name')
  const greeting = await page.xpath("//text[@class='greeting']")
  assert.equal(await greeting.wxml(), 'Hello, Wren')
  assert.equal((await page.$$('text')).length, 3)
  assert.equal(await page.$('.does-not-exist'), null)
  const view = await page.$('.userinfo')
  assert.equal((await view.$$('text')).length, 1)
})

test('wx methods, mocks and restore', async () => {
  const info = await miniProgram.systemInfo()
  assert.equal(info.windowWidth, 375)
  await miniProgram.mockWxMethod('getStorageSync', 'mocked value')
  assert.equal(await miniProgram.callWxMethod('getStorageSync', 'logs'), 'mocked value')
  await miniProgram.mockWxMethod('getStorageSync', function (key, fallback) { return key === 'x' ? 'fn:' + typeof this.origin : fallback }, 'default')
  assert.equal(await miniProgram.callWxMethod('getStorageSync', 'x'), 'fn:function')
  assert.equal(await miniProgram.callWxMethod('getStorageSync', 'y'), 'default')
  await miniProgram.restoreWxMethod('getStorageSync')
  assert.equal((await miniProgram.callWxMethod('getStorageSync', 'logs')).length, 1)
})

test('evaluate and exposeFunction', async () => {
  assert.equal(await miniProgram.evaluate(() => getApp().globalData.userName), 'sparrow')
  const got = []
  await miniProgram.exposeFunction('reportToTest', (...args) => got.push(args))
  await miniProgram.evaluate(() => { reportToTest('hello', 42) })
  await waitFor(() => got.length === 1)
  assert.deepEqual(got[0], ['hello', 42])
})

test('console and exception events', async () => {
  const logs = []
  const errors = []
  miniProgram.on('console', msg => logs.push(msg))
  miniProgram.on('exception', err => errors.push(err))
  await miniProgram.evaluate(() => { console.log('hi from the page'); setTimeout(() => { null.boom }, 0) })
  await waitFor(() => logs.length > 0 && errors.length > 0)
  assert.deepEqual(logs[0], { type: 'log', args: ['hi from the page'] })
  assert.match(errors[0].message, /TypeError/)
})

test('modal confirm and cancel via native()', async () => {
  const confirmed = miniProgram.callWxMethod('showModal', { title: 'Sure?' })
  await waitFor(async () => (await miniProgram.evaluate(() => 1)) === 1)
  await retryUntilOk(() => miniProgram.native().confirmModal())
  assert.equal((await confirmed).confirm, true)
  const cancelled = miniProgram.callWxMethod('showModal', { title: 'Again?' })
  await retryUntilOk(() => miniProgram.native().cancelModal())
  assert.equal((await cancelled).cancel, true)
})

test('a tap that navigates has settled when it answers', async () => {
  const page = await miniProgram.currentPage()
  await (await page.$('.usermotto')).tap()
  assert.equal((await miniProgram.currentPage()).path, 'pages/logs/logs')
  await miniProgram.callWxMethod('navigateBack')
})

test('navigation has settled when the call answers', async () => {
  await miniProgram.callWxMethod('navigateTo', { url: '/pages/logs/logs' })
  const stack = await miniProgram.pageStack()
  assert.deepEqual(stack.map(p => p.path), ['pages/index/index', 'pages/logs/logs'])
  assert.equal((await (await miniProgram.currentPage()).data('logs')).length, 1)
  await miniProgram.callWxMethod('navigateBack')
  assert.equal((await miniProgram.currentPage()).path, 'pages/index/index')
})

/** Polls a condition driven by the client's own events (not a fixed sleep). */
async function waitFor(condition, timeout = 10000) {
  const end = Date.now() + timeout
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise(resolve => setImmediate(resolve))
  }
}

/** The modal opens asynchronously after callWxMethod is sent: retry the native answer until it lands. */
async function retryUntilOk(action, timeout = 10000) {
  const end = Date.now() + timeout
  for (;;) {
    try { return await action() } catch (e) {
      if (Date.now() > end || !/no modal is open/.test(e.message)) throw e
      await new Promise(resolve => setImmediate(resolve))
    }
  }
}
