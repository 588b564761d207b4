// examples/cloud-notes (issue 21) driven by the real miniprogram-automator client: a note added on the notes
// page, a post the board's realtime watch list shows with its aggregate stats line, and the login cloud function
// run from the profile page. The cloud data lives in a throw-away data dir.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')

const { launch, freePort } = require('./launch')
const port = freePort()
let miniProgram

before(async () => {
  miniProgram = await launch('examples/cloud-notes', { port })
}, { timeout: 180000 })

after(async () => {
  if (miniProgram) await miniProgram.close()
})

/** Waits until the page's `key` data satisfies `ok`; returns that value. */
async function dataWhen(page, key, ok) {
  await page.waitFor(async () => ok(await page.data(key)))
  return await page.data(key)
}

test('a note added on the notes page is listed, dated by the server', async () => {
  const page = await miniProgram.reLaunch('/pages/notes/notes')
  assert.equal(page.path, 'pages/notes/notes')
  await (await page.$('#add-milk')).tap()
  const notes = await dataWhen(page, 'notes', list => list.length === 1)
  assert.deepEqual(notes.map(n => [n.text, n.likes, n.stamped]), [['buy milk', 0, true]])
  assert.match(notes[0].id, /^[0-9a-f]{32}$/)
  assert.equal(await (await page.$('.count')).text(), '1 notes')
  assert.equal(await page.data('error'), '')
})

test('a post on the board appears on its watch list, and the aggregate line counts it', async () => {
  const page = await miniProgram.reLaunch('/pages/board/board')
  await dataWhen(page, 'lastChange', change => change === 'init')
  assert.deepEqual(await page.data('posts'), [])
  await (await page.$('#post-hello')).tap()
  const posts = await dataWhen(page, 'posts', list => list.length === 1)
  assert.equal(posts[0].text, 'hello')
  assert.equal(await page.data('lastChange'), 'add:enqueue')
  await dataWhen(page, 'stats', stats => stats === '1 authors, top 1 posts, 0 likes')
  assert.deepEqual(await Promise.all((await page.$$('.post')).map(e => e.text())), ['hello'])
  await (await page.$('#post-lunch')).tap()
  await dataWhen(page, 'posts', list => list.length === 2)
  assert.deepEqual((await page.data('posts')).map(p => p.text), ['hello', 'lunch at noon?'])
  await dataWhen(page, 'stats', stats => stats === '1 authors, top 2 posts, 0 likes')
})

test('the profile page logs in through the login cloud function', async () => {
  const page = await miniProgram.reLaunch('/pages/profile/profile')
  await (await page.$('#login')).tap()
  const openid = await dataWhen(page, 'openid', id => id !== '')
  assert.equal(openid, 'oSparrowFakeOpenid0000000000')
  assert.equal(await (await page.$('.openid')).text(), openid)
  assert.equal(await page.data('error'), '')
  // the server-side tally sees the note of the first test
  await (await page.$('#tally')).tap()
  assert.equal(await dataWhen(page, 'tally', t => t !== ''), '1 notes, visit 1')
})
