// examples/cloud-notes (issue 21) in the simulator, as a person taps it: a note added on the notes page is listed,
// a post on the board appears on its realtime watch list, and the profile page's login shows the openid the login
// cloud function answers. The project has no tab bar and its pages link nowhere, so each page is opened with
// `./sparrow run --launch` (a throw-away data dir each). Nothing reaches the browser console or the app's.
const { test, after } = require('node:test')
const assert = require('node:assert/strict')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

let browser, sim, tab
const consoleErrors = []

/** The simulator on `route` of examples/cloud-notes, in a new tab; the frame of that page. */
async function open(route) {
  await tab?.close()
  await sim?.stop()
  browser ??= await launchBrowser()
  sim = await startSimulator('examples/cloud-notes', ['--launch', route])
  tab = await openSimulator(browser, sim.url)
  tab.page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()) })
  return tab.top(route)
}

/** No error on the browser console, none thrown in a page, none the mini program logged (the Console badge). */
async function assertNoErrors() {
  assert.deepEqual(consoleErrors, [])
  assert.deepEqual(tab.errors, [])
  assert.equal(await tab.page.locator('#error-count').isHidden(), true)
}

after(async () => { await tab?.close(); await sim?.stop(); await browser?.close() })

test('a note added on the notes page is listed, dated by the server', async () => {
  const page = await open('pages/notes/notes')
  await page.locator('wx-view.count', { hasText: '0 notes' }).waitFor()
  assert.equal(await page.locator('wx-text.note').count(), 0)
  await page.locator('wx-button#add-milk').click()
  await page.locator('wx-view.count', { hasText: '1 notes' }).waitFor()
  assert.deepEqual(await page.locator('wx-text.note').allTextContents(), ['buy milk'])
  assert.deepEqual(await page.locator('wx-text.likes').allTextContents(), ['0'])
  assert.deepEqual(await page.locator('wx-text.stamped').allTextContents(), ['dated'])
  assert.equal((await page.locator('wx-view.error').textContent()).trim(), '')
  await assertNoErrors()
})

test('a post on the board appears on its watch list, and the aggregate line counts it', async () => {
  const page = await open('pages/board/board')
  await page.locator('wx-view.snapshots', { hasText: '1 init' }).waitFor()
  assert.equal(await page.locator('wx-text.post').count(), 0)
  await page.locator('wx-button#post-hello').click()
  await page.locator('wx-view.snapshots', { hasText: '2 add:enqueue' }).waitFor()
  assert.deepEqual(await page.locator('wx-text.post').allTextContents(), ['hello'])
  await page.locator('wx-view.stats', { hasText: '1 authors, top 1 posts, 0 likes' }).waitFor()
  await page.locator('wx-button#post-lunch').click()
  await page.locator('wx-view.snapshots', { hasText: '3 add:enqueue' }).waitFor()
  assert.deepEqual(await page.locator('wx-text.post').allTextContents(), ['hello', 'lunch at noon?'])
  await page.locator('wx-view.stats', { hasText: '1 authors, top 2 posts, 0 likes' }).waitFor()
  assert.equal((await page.locator('wx-view.error').textContent()).trim(), '')
  await assertNoErrors()
})

test('the profile page logs in through the login cloud function and shows the openid', async () => {
  const page = await open('pages/profile/profile')
  assert.equal(await page.locator('wx-text.openid').textContent(), '')
  await page.locator('wx-button#login').click()
  await page.locator('wx-text.openid', { hasText: 'oSparrowFakeOpenid0000000000' }).waitFor()
  assert.equal(await page.locator('wx-text.openid').textContent(), 'oSparrowFakeOpenid0000000000')
  assert.equal((await page.locator('wx-view.error').textContent()).trim(), '')
  await assertNoErrors()
})
