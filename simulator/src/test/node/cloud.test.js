// The Cloud panel: the documents a page added through wx.cloud.database() are listed by environment and
// collection; the files it uploaded and the lines its cloud function logged are listed too.
// Project: simulator/src/test/node/projects/cloud-panel.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

let browser, sim, tab
before(async () => {
  browser = await launchBrowser()
  sim = await startSimulator('simulator/src/test/node/projects/cloud-panel')
  tab = await openSimulator(browser, sim.url)
})
after(async () => { await tab?.close(); await sim?.stop(); await browser?.close() })

test('the Cloud panel lists the collections and documents the page added', async () => {
  const page = await tab.top('pages/index/index')
  await page.locator('wx-button#add').click()
  await page.locator('wx-view.added', { hasText: '1 added' }).waitFor()
  await page.locator('wx-button#add').click()
  await page.locator('wx-view.added', { hasText: '2 added' }).waitFor()

  await tab.page.click('.panel-tabs [data-panel=cloud]')
  const panel = tab.page.locator('#panel-cloud')
  await panel.locator('.toolbar', { hasText: 'Environment panel-test' }).waitFor()
  await panel.locator('.cloud-collection[data-name=books]', { hasText: 'books (2)' }).waitFor()
  assert.equal(await panel.locator('.cloud-collection[data-name=readers]').textContent(), 'readers (2)')
  await panel.locator('h3', { hasText: 'books: 2 documents' }).waitFor()
  const docs = panel.locator('.cloud-doc')
  assert.equal(await docs.count(), 2)
  assert.match(await docs.first().getAttribute('data-id'), /^[0-9a-f]{32}$/)
  assert.equal(await docs.first().locator('.json-string', { hasText: '"Book 1"' }).count(), 1)
  assert.equal(await docs.nth(1).locator('.json-number', { hasText: '200' }).count(), 1)
  assert.equal(await docs.first().locator('.json-string', { hasText: '"oSparrowFakeOpenid0000000000"' }).count(), 1)

  // another collection, then a third add that the open panel follows
  await panel.locator('.cloud-collection[data-name=readers]').click()
  await panel.locator('h3', { hasText: 'readers: 2 documents' }).waitFor()
  await page.locator('wx-button#add').click()
  await panel.locator('h3', { hasText: 'readers: 3 documents' }).waitFor()
  assert.equal(await panel.locator('.cloud-doc .json-string', { hasText: '"Reader 3"' }).count(), 1)
  await panel.locator('h3', { hasText: 'Files (cloud storage) (0)' }).waitFor()
  await panel.locator('h3', { hasText: 'Function logs (0)' }).waitFor()
  assert.deepEqual(tab.errors, [])
})

test('the Cloud panel lists the file the page uploaded and the line its cloud function logged', async () => {
  const page = await tab.top('pages/index/index')
  await page.locator('wx-button#upload').click()
  await page.locator('wx-view.uploaded', { hasText: 'cloud://panel-test.' }).waitFor()
  const fileID = (await page.locator('wx-view.uploaded').textContent()).trim()
  await page.locator('wx-button#greet').click()
  await page.locator('wx-view.greeted', { hasText: 'greeted panel' }).waitFor()

  await tab.page.click('.panel-tabs [data-panel=cloud]')
  const panel = tab.page.locator('#panel-cloud')
  await panel.locator('h3', { hasText: 'Files (cloud storage) (1)' }).waitFor()
  assert.match(fileID, /^cloud:\/\/panel-test\.[0-9a-f]+-panel-test-\d{10}\/notes\/note\.txt$/)
  assert.equal(await panel.locator('.cloud-files div').textContent(), `${fileID}  12`)
  await panel.locator('h3', { hasText: 'Function logs (1)' }).waitFor()
  assert.equal(await panel.locator('.cloud-logs div').textContent(), 'greet: greeting panel')
  assert.deepEqual(tab.errors, [])
})
