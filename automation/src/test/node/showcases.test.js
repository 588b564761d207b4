// The UI-library showcases through the official client (issue 14): Vant Weapp's and TDesign's basic pages open in
// `sparrow auto`, a tap on each library's primary button reaches the page, and the page data says so.
// The libraries come from npm: `npm install` runs in the showcase when node_modules is missing. On a cold compile
// cache TDesign's ES modules take about a minute to compile, within the launch timeout.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const { repo, launch } = require('./launch')

function install(example, pkg) {
  const dir = path.join(repo, 'examples', example)
  if (!fs.existsSync(path.join(dir, 'node_modules', pkg, 'package.json'))) {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' })
  }
}

/** Taps the button inside a library's button component, as a finger on it would. */
async function tapPrimary(page) {
  const host = await page.$('#primary')
  assert.ok(host, 'the page has its #primary button component')
  const button = await host.$('button')
  assert.ok(button, 'the component renders a <button>')
  await button.tap()
}

describe('Vant Weapp', () => {
  let miniProgram
  before(async () => {
    install('vant', '@vant/weapp')
    miniProgram = await launch('examples/vant')
  }, { timeout: 180000 })
  after(async () => { if (miniProgram) await miniProgram.close() })

  test('basic: a tap on the primary van-button counts in the page data', async () => {
    const page = await miniProgram.currentPage()
    assert.equal(page.path, 'pages/basic/basic')
    assert.equal(await page.data('taps'), 0)
    await tapPrimary(page)
    assert.deepEqual([await page.data('taps'), await page.data('lastTap')], [1, 'primary'])
  })
})

describe('TDesign', () => {
  let miniProgram
  before(async () => {
    install('tdesign', 'tdesign-miniprogram')
    miniProgram = await launch('examples/tdesign')
  }, { timeout: 180000 })
  after(async () => { if (miniProgram) await miniProgram.close() })

  test('basic: a tap on the primary t-button counts in the page data', async () => {
    const page = await miniProgram.currentPage()
    assert.equal(page.path, 'pages/basic/basic')
    assert.equal(await page.data('taps'), 0)
    // t-button catches the native tap (catch:tap) and triggers its own `tap`: the page hears it once
    await tapPrimary(page)
    assert.deepEqual([await page.data('taps'), await page.data('lastTap')], [1, 'primary'])
  })
})
