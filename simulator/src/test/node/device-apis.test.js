// The phone's other devices in the browser: scanCode asks the person in an editable modal, loadFontFace puts an
// @font-face in the page. Project: examples/device-apis (pages/device).
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

let browser, sim, tab
before(async () => {
  browser = await launchBrowser()
  sim = await startSimulator('examples/device-apis', ['--launch', 'pages/device/device'])
  tab = await openSimulator(browser, sim.url)
})
after(async () => { await tab?.close(); await sim?.stop(); await browser?.close() })

const device = () => tab.top('pages/device/device')

test('scanCode: the person types what the camera reads, or cancels', async () => {
  const page = await device()
  await page.locator('wx-button#scan').click()
  await tab.page.locator('.dialog-input').fill('https://sparrow.dev/p/7')
  await tab.page.locator('.dialog button', { hasText: '扫码' }).click()
  await page.locator('wx-view.log', { hasText: 'QR_CODE https://sparrow.dev/p/7' }).waitFor()
  await page.locator('wx-button#scan').click()
  await tab.page.locator('.dialog button', { hasText: '取消' }).click()
  await page.locator('wx-view.log', { hasText: 'scanCode:fail cancel' }).waitFor()
})

test('loadFontFace adds an @font-face to the page', async () => {
  const page = await device()
  const css = await page.locator('style[data-font="Bitter"]').textContent()
  assert.match(css, /@font-face\{font-family:"Bitter";src:url\("\/media\?url=https%3A%2F%2Fexample\.com%2Fbitter\.woff"\)\}/)
  assert.deepEqual(tab.errors, [])
})

test('useExtendedLib weui: its components render with its stylesheet and its files are served', async () => {
  const weui = await startSimulator('examples/extended-lib')
  const weuiTab = await openSimulator(browser, weui.url)
  try {
    const page = await weuiTab.top('pages/index/index')
    await page.locator('.weui-slideview__btn', { hasText: 'Delete' }).waitFor({ state: 'attached' })
    const display = await page.locator('.weui-cell').first().evaluate(e => getComputedStyle(e).display)
    assert.equal(display, 'flex') // weui.wxss: .weui-cell { display: flex }
    const icon = '/miniprogram_npm/weui-miniprogram/_assets/loading-icon.1d274d77.svg'
    const res = await weuiTab.page.request.get(weui.url + 'files?path=' + encodeURIComponent(icon))
    assert.equal(res.status(), 200)
    assert.deepEqual(weuiTab.errors, [])
  } finally {
    await weuiTab.close()
    await weui.stop()
  }
})
