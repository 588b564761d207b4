// The client's methods no other file of this suite calls (issue 20): navigation, queries, element getters, the
// component subclasses, native UI and the account features that answer "not applicable offline". Together with the
// other files every public method of miniprogram-automator is called; coverage.test.js keeps that true.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const automator = require('miniprogram-automator')
const { launch, freePort } = require('./launch')

const port = freePort()
let miniProgram

before(async () => {
  miniProgram = await launch('automation/src/test/resources/every-method', { port })
}, { timeout: 180000 })

after(async () => {
  if (miniProgram) await miniProgram.close()
})

async function home() {
  return await miniProgram.reLaunch('/pages/home/home')
}

test('navigateTo, navigateBack, redirectTo, reLaunch and switchTab return the page they reach', async () => {
  await home()
  const detail = await miniProgram.navigateTo('/pages/detail/detail?id=7')
  assert.equal(detail.path, 'pages/detail/detail')
  assert.deepEqual(detail.query, { id: '7' })
  assert.equal(await detail.data('id'), '7')
  assert.equal((await miniProgram.navigateBack()).path, 'pages/home/home')
  const redirected = await miniProgram.redirectTo('/pages/detail/detail?id=8')
  assert.equal(await redirected.data('id'), '8')
  assert.deepEqual((await miniProgram.pageStack()).map(p => p.path), ['pages/detail/detail'])
  const list = await miniProgram.switchTab('/pages/list/list')
  assert.equal(list.path, 'pages/list/list')
  assert.equal((await miniProgram.reLaunch('/pages/home/home')).path, 'pages/home/home')
})

test('page queries: $$, xpath lists, waitFor by selector, function and time', async () => {
  const page = await home()
  assert.deepEqual(await Promise.all((await page.$$('.inner')).map(e => e.text())), ['one', 'two'])
  const byXpath = await page.getElementByXpath('//view[@id="title"]')
  assert.equal(await byXpath.text(), 'Hello')
  assert.equal((await page.getElementsByXpath('//text')).length, 2)
  await page.waitFor('#title')
  await page.waitFor(async () => (await page.data('volume')) === 10)
  await page.waitFor(1)
})

test('element queries inside an element: $ and $$', async () => {
  const page = await home()
  const outer = await page.$('#outer')
  assert.equal(await (await outer.$('.inner')).text(), 'one')
  assert.equal((await outer.$$('.inner')).length, 2)
})

test('element getters: style, outerWxml, size and offset', async () => {
  const page = await home()
  const title = await page.$('#title')
  assert.equal(await title.style('color'), 'red')
  assert.equal(await title.outerWxml(),
    '<view id="title" class="title" data-kind="greeting" style="color: red; font-size: 20px">Hello</view>')
  const size = await title.size()
  assert.ok('width' in size && 'height' in size)
  const offset = await title.offset()
  assert.ok('left' in offset && 'top' in offset)
  const pageSize = await page.size()
  assert.ok('width' in pageSize && 'height' in pageSize)
})

test('trigger fires the named event with its detail', async () => {
  const page = await home()
  await (await page.$('#poke')).trigger('poke', { how: 'hard' })
  assert.deepEqual(await page.data('poked'), { how: 'hard' })
})

test('slider slideTo changes the value and fires change', async () => {
  const page = await home()
  await (await page.$('#volume')).slideTo(42)
  assert.equal(await page.data('volume'), 42)
})

test('a custom component: callMethod, data and the event it triggers', async () => {
  const page = await home()
  const counter = await page.$('#counter')
  assert.equal(await counter.callMethod('bump'), 2)
  assert.equal(await counter.data('count'), 2)
  assert.equal(await page.data('counted'), 2)
})

test('scroll-view scrollWidth answers a number', async () => {
  const page = await home()
  assert.equal(typeof await (await page.$('#wide')).scrollWidth(), 'number')
})

test('native: confirm a modal, allow and refuse a permission prompt', async () => {
  const page = await home()
  await (await page.$('#ask')).tap()
  await miniProgram.native().confirmModal()
  await page.waitFor(async () => (await page.data('answer')) === 'yes')
  await (await page.$('#save')).tap()
  await miniProgram.native().authorizeCancel()
  await page.waitFor(async () => (await page.data('scope.writePhotosAlbum')) === 'denied')
  await (await page.$('#locate')).tap()
  await miniProgram.native().authorizeAllow()
  await page.waitFor(async () => (await page.data('scope.userLocation')) === 'allowed')
})

test('native: navigateLeft goes back, goHome relaunches the entry page, switchTab changes tab', async () => {
  await home()
  await miniProgram.navigateTo('/pages/detail/detail?id=1')
  await miniProgram.native().navigateLeft()
  assert.equal((await miniProgram.currentPage()).path, 'pages/home/home')
  await miniProgram.navigateTo('/pages/detail/detail?id=2')
  await miniProgram.native().goHome()
  assert.deepEqual((await miniProgram.pageStack()).map(p => p.path), ['pages/home/home'])
  await miniProgram.native().switchTab({ url: '/pages/list/list' })
  assert.equal((await miniProgram.currentPage()).path, 'pages/list/list')
})

test('native dialogs Sparrow does not open (payment, share) answer that nothing is open', async () => {
  for (const method of ['closePaymentDialog', 'shareCancel', 'shareConfirm']) {
    await assert.rejects(miniProgram.native()[method](), /not supported by Sparrow/, method)
  }
})

test('account and remote-device features reject with a clear message', async () => {
  await assert.rejects(miniProgram.remote(), /not supported by Sparrow/)
  await assert.rejects(miniProgram.testAccounts(), /not supported by Sparrow/)
  await assert.rejects(miniProgram.stopAudits(), /not supported by Sparrow/)
  await assert.rejects(miniProgram.getTicket(), /not supported by Sparrow/)
  await assert.rejects(miniProgram.setTicket('t'), /not supported by Sparrow/)
  await assert.rejects(miniProgram.refreshTicket(), /not supported by Sparrow/)
})

test('checkVersion accepts Sparrow; disconnect then connect resumes the same session', async () => {
  await miniProgram.checkVersion()
  const before = await miniProgram.systemInfo()
  miniProgram.disconnect()
  miniProgram = await automator.connect({ wsEndpoint: 'ws://127.0.0.1:' + port })
  assert.deepEqual(await miniProgram.systemInfo(), before)
  assert.equal((await miniProgram.currentPage()).path.length > 0, true)
})

test('screenshot answers a PNG', async () => {
  await home()
  const data = await miniProgram.screenshot()
  assert.equal(Buffer.from(data, 'base64').subarray(1, 4).toString(), 'PNG')
})
