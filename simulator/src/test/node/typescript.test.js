// examples/typescript (issue 13) in the simulator, as a person sees it in Chromium: TypeScript and Sass compiled by
// `setting.useCompilerPlugins`, the page's text made by .ts code and by the pure ES-module npm package pretty-bytes
// (installed by examples/typescript/setup; Sparrow builds miniprogram_npm from it at launch), a component written in
// TypeScript, the .scss rules applied (rpx converted, a mixin and variables from the partial styles/_theme.scss, by
// `@use` in the page and by `@import` in the component), and a tap that runs the component's TypeScript handler, its
// event and the page's setData. Nothing reaches either console.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const path = require('node:path')
const { repo, startSimulator, launchBrowser, openSimulator } = require('./harness')

let browser, sim, tab, page
const consoleErrors = []

before(async () => {
  execFileSync('bash', [path.join(repo, 'examples/typescript/setup')], { stdio: 'inherit' })
  browser = await launchBrowser()
  sim = await startSimulator('examples/typescript')
  // a cold launch compiles the project (Sucrase and dart-sass in the interpreter) before the session runs
  await sim.waitForOutput('running ')
  tab = await openSimulator(browser, sim.url)
  tab.page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()) })
  page = await tab.top('pages/index/index')
  await page.locator('wx-text.title', { hasText: 'Hello, Sparrow!' }).waitFor()
}, { timeout: 240000 })

after(async () => { await tab?.close(); await sim?.stop(); await browser?.close() })

const style = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el)[p], property)
// the component's `.counter`, under the class prefix that scopes the component's styles to it
const counter = () => page.locator('wx-counter#counter wx-button[class~="components-counter-counter--counter"]')

/** No error on the browser console, none thrown in a page, none the mini program logged (the Console badge). */
async function assertNoErrors() {
  assert.deepEqual(consoleErrors, [])
  assert.deepEqual(tab.errors, [])
  assert.equal(await tab.page.locator('#error-count').isHidden(), true)
}

test('the page shows text made by TypeScript and by the npm ES module, and the TypeScript component', async () => {
  assert.equal(await tab.page.locator('#nav-title').textContent(), 'TypeScript + Sass')
  assert.equal(await page.locator('wx-text.title').textContent(), 'Hello, Sparrow!')
  assert.equal(await page.locator('wx-text.size').textContent(), '1.34 kB')
  assert.equal(await page.locator('wx-text.total').textContent(), '0 taps')
  assert.equal((await counter().textContent()).trim(), '+5 (0)')
  await assertNoErrors()
})

test('Sass applies: the partial\'s variables and mixin (@use, @import), nesting, rpx by the width', async () => {
  const card = page.locator('wx-view.card')
  const width = await page.locator('body').evaluate(() => document.documentElement.clientWidth)
  const rpx = n => `${n * width / 750}px`
  // pages/index/index.scss: `@include theme.card` (styles/_theme.scss: margin $gap = 24rpx, padding $gap * 2)
  assert.equal(await style(card, 'marginTop'), rpx(24))
  assert.equal(await style(card, 'paddingLeft'), rpx(48))
  assert.equal(await style(card, 'borderTopLeftRadius'), rpx(12))
  assert.equal(await style(card, 'backgroundColor'), 'rgb(255, 255, 255)')
  // nested `.card .title { color: theme.$accent }`, `.card .total { margin-top: theme.$gap }`
  assert.equal(await style(page.locator('wx-text.title'), 'color'), 'rgb(7, 193, 96)')
  assert.equal(await style(page.locator('wx-text.title'), 'fontWeight'), '700')
  assert.equal(await style(page.locator('wx-text.total'), 'marginTop'), rpx(24))
  // app.scss: `page { background: theme.$background; font-size: 28rpx }`
  assert.equal(await style(page.locator('body'), 'backgroundColor'), 'rgb(246, 247, 249)')
  assert.equal(await style(page.locator('body'), 'fontSize'), rpx(28))
  // the component's own .scss: `@import '../../styles/theme'; $size: 64rpx; .counter { height: $size; color: $accent }`
  assert.equal(await style(counter(), 'height'), rpx(64))
  assert.equal(await style(counter(), 'color'), 'rgb(7, 193, 96)')
  await assertNoErrors()
})

test('a tap runs the component\'s TypeScript handler; its event reaches the page, whose setData shows', async () => {
  await counter().click()
  await page.locator('wx-text.total', { hasText: '5 taps' }).waitFor()
  assert.equal((await counter().textContent()).trim(), '+5 (5)')
  await counter().click()
  await page.locator('wx-text.total', { hasText: '10 taps' }).waitFor()
  assert.equal((await counter().textContent()).trim(), '+5 (10)')
  await assertNoErrors()
})
