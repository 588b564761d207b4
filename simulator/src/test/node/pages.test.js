// Mini programs used through the simulator as a person would: typing, tapping, submitting, navigating, tabs,
// the AppData panel following setData. Projects: examples/todo, examples/quickstart, examples/navigation.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

describe('todo', () => {
  let sim, tab
  before(async () => { sim = await startSimulator('examples/todo'); tab = await openSimulator(browser, sim.url) })
  after(async () => { await tab?.close(); await sim?.stop() })

  test('first paint: the navigation bar and the page from the virtual tree', async () => {
    assert.equal(await tab.page.textContent('#nav-title'), 'Todo')
    const page = await tab.top('pages/index/index')
    await page.locator('wx-view.count').waitFor()
    assert.equal(await page.locator('wx-view.count').textContent(), '0 items')
    assert.equal(await page.locator('wx-button#add').getAttribute('type'), 'primary')
  })

  test('type, tap, and setData patches only what changed', async () => {
    const page = await tab.top('pages/index/index')
    const countNode = await page.locator('wx-view.count').elementHandle()
    await page.locator('wx-input#draft input').fill('Buy milk')
    await page.locator('wx-button#add').click()
    await page.locator('wx-view.todo').first().waitFor()
    assert.equal(await page.locator('wx-view.todo wx-text.title').first().textContent(), '1. Buy milk')
    assert.equal(await page.locator('wx-view.count').textContent(), '1 item')
    // the same DOM node, patched in place
    assert.equal(await countNode.evaluate(n => n.isConnected), true)
    // setData({draft: ''}) cleared the input the person typed into
    await page.locator('wx-input#draft input').and(page.locator('[value=""], :not([value])')).count()
    assert.equal(await page.locator('wx-input#draft input').inputValue(), '')
  })

  test('catchtap on the delete mark, bindtap on the row', async () => {
    const page = await tab.top('pages/index/index')
    await page.locator('wx-input#draft input').fill('Walk')
    await page.locator('wx-input#draft input').press('Enter')
    await page.locator('wx-view.todo >> nth=1').waitFor()
    await page.locator('wx-view.todo >> nth=0').click({ position: { x: 20, y: 10 } })
    await page.locator('wx-view.todo.done').waitFor()
    await page.locator('wx-view.todo >> nth=0 >> wx-text.delete').click()
    await page.locator('wx-view.count', { hasText: '1 item' }).waitFor()
    assert.equal(await page.locator('wx-view.todo.done').count(), 0)
  })

  test('a form submits its fields; the switch toggles', async () => {
    const page = await tab.top('pages/index/index')
    await page.locator('wx-switch .wx-switch-input').click()
    await page.locator('wx-switch .wx-switch-input:not(.wx-switch-input-checked)').waitFor()
    await page.locator('wx-button#save').click()
    await page.locator('wx-view.profile', { hasText: 'sparrow / false' }).waitFor()
  })

  test('an empty draft shows a toast in the phone', async () => {
    const page = await tab.top('pages/index/index')
    await page.locator('wx-button#add').click()
    await tab.page.locator('.toast', { hasText: 'Empty' }).waitFor()
    await tab.page.locator('.toast').waitFor({ state: 'detached' })
  })

  test('AppData shows the page data and follows setData', async () => {
    await tab.page.click('.panel-tabs [data-panel=data]')
    await tab.page.locator('#panel-data', { hasText: 'pages/index/index' }).waitFor()
    const page = await tab.top('pages/index/index')
    await page.locator('wx-input#draft input').fill('Panel check')
    await tab.page.locator('#panel-data .json-string', { hasText: '"Panel check"' }).waitFor()
  })

  test('a navigator opens the next page; the back button returns', async () => {
    const page = await tab.top('pages/index/index')
    await page.locator('wx-navigator.about').click()
    await tab.top('pages/about/about')
    await tab.page.locator('#back:not([hidden])').waitFor()
    await tab.page.click('#back')
    await tab.top('pages/index/index')
    await tab.page.locator('#back[hidden]').waitFor({ state: 'attached' })
  })
})

describe('quickstart', () => {
  let sim, tab
  before(async () => { sim = await startSimulator('examples/quickstart'); tab = await openSimulator(browser, sim.url) })
  after(async () => { await tab?.close(); await sim?.stop() })

  test('input binds, the button counts, the motto navigates', async () => {
    const page = await tab.top('pages/index/index')
    await page.locator('wx-input#name input').fill('Wren')
    await page.locator('wx-text.greeting', { hasText: 'Hello, Wren' }).waitFor()
    await page.locator('wx-button#increment').click()
    await page.locator('wx-button#increment', { hasText: 'Tapped 1 times' }).waitFor()
    assert.equal(await tab.page.textContent('#nav-title'), 'Home')
    await page.locator('wx-view.usermotto').click()
    await tab.top('pages/logs/logs')
    assert.deepEqual(tab.errors, [])
  })
})

describe('navigation (tab bar)', () => {
  let sim, tab
  before(async () => { sim = await startSimulator('examples/navigation'); tab = await openSimulator(browser, sim.url) })
  after(async () => { await tab?.close(); await sim?.stop() })

  test('the tab bar switches tabs and keeps the hidden tab page alive', async () => {
    await tab.top('pages/a/a')
    assert.equal(await tab.page.locator('#tab-bar button').count(), 2)
    await tab.page.click('#tab-bar button[data-route="pages/b/b"]')
    const b = await tab.top('pages/b/b')
    await b.locator('wx-view.page', { hasText: 'Page B' }).waitFor()
    assert.equal(await tab.page.locator('#tab-bar button.selected').getAttribute('data-route'), 'pages/b/b')
    assert.equal(await tab.page.locator('iframe[data-route="pages/a/a"]').count(), 1)
    await tab.page.click('#tab-bar button[data-route="pages/a/a"]')
    await tab.top('pages/a/a')
  })
})
