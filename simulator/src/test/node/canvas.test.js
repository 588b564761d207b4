// Canvas in the simulator (examples/canvas-lab): the same scenes are drawn by the headless Java canvas (exported with
// canvasToTempFilePath) and by Chromium's canvas from the same command batches; the two must agree within a stated
// tolerance. Touches on a canvas carry x/y from its corner; a legacy signature pad drawn with the mouse is saved to
// the album.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

// Tolerance (docs/decisions.md): mean absolute difference per channel (0–255) over the whole bitmap, and the share
// of pixels where some channel differs by more than 64 (anti-aliasing of edges and glyphs differs between Java2D
// and Skia; a misplaced shape or line of text breaks both bounds).
const MAX_MEAN = 2.0
const MAX_OFF = 0.015

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** Compares the browser canvas of the page on top with the exported Java picture at `path`. */
function compare(tab, path) {
  return tab.page.evaluate(async ({ path }) => {
    const iframe = document.querySelector('#pages iframe:not(.hidden)')
    const c = iframe.contentDocument.querySelector('wx-canvas canvas')
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
    const a = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
    const resp = await fetch('/files?path=' + encodeURIComponent(path))
    const img = new Image()
    img.src = URL.createObjectURL(await resp.blob())
    await img.decode()
    const o = document.createElement('canvas')
    o.width = img.naturalWidth
    o.height = img.naturalHeight
    o.getContext('2d').drawImage(img, 0, 0)
    const b = o.getContext('2d').getImageData(0, 0, o.width, o.height).data
    let sum = 0
    let off = 0
    let ink = 0
    for (let i = 0; i < a.length; i += 4) {
      let m = 0
      for (let k = 0; k < 4; k++) { const d = Math.abs(a[i + k] - b[i + k]); sum += d; if (d > m) m = d }
      if (m > 64) off++
      if (a[i + 3] > 0) ink++
    }
    return { size: [c.width, c.height], exported: [o.width, o.height], mean: sum / a.length, off: off / (a.length / 4), ink: ink / (a.length / 4) }
  }, { path })
}

describe('canvas-lab', () => {
  let sim, tab
  before(async () => { sim = await startSimulator('examples/canvas-lab'); tab = await openSimulator(browser, sim.url) })
  after(async () => { await tab?.close(); await sim?.stop() })

  for (const scene of ['text', 'shapes', 'paints', 'pictures', 'effects']) {
    test(`scene "${scene}": Chromium's canvas and the headless one agree`, async () => {
      const page = await tab.top('pages/scenes/scenes')
      await page.locator('wx-view.tab', { hasText: scene }).click()
      await page.locator('#state', { hasText: 'drawn ' + scene }).waitFor()
      await page.locator('#path', { hasText: 'wxfile://' }).waitFor()
      const r = await compare(tab, await page.locator('#path').textContent())
      assert.deepEqual(r.exported, r.size)
      assert.ok(r.ink > 0.5, `the browser drew: ${JSON.stringify(r)}`)
      assert.ok(r.mean <= MAX_MEAN && r.off <= MAX_OFF, `${scene}: ${JSON.stringify(r)}`)
    })
  }

  test('a touch on a canvas reports x/y from its top-left corner', async () => {
    const page = await tab.top('pages/scenes/scenes')
    const box = await page.locator('wx-canvas').boundingBox()
    await tab.page.mouse.move(box.x + 40, box.y + 30)
    await tab.page.mouse.down()
    await tab.page.mouse.up()
    await page.locator('#touches', { hasText: 'touchend 40,30' }).waitFor()
  })

  test('a legacy signature pad drawn with the mouse is the same picture headless and is saved to the album', async () => {
    const scenes = await tab.top('pages/scenes/scenes')
    await scenes.locator('#to-sign').click()
    const page = await tab.top('pages/sign/sign')
    const pad = page.locator('wx-canvas')
    await pad.waitFor()
    const box = await pad.boundingBox()
    await tab.page.mouse.move(box.x + 30, box.y + 60)
    await tab.page.mouse.down()
    for (let i = 1; i <= 12; i++) {
      await tab.page.mouse.move(box.x + 30 + i * 20, box.y + 60 + (i % 2 ? 40 : 0))
      await tab.page.waitForFunction(() => true)
    }
    await tab.page.mouse.up()
    await page.locator('#strokes', { hasText: '1' }).waitFor()
    await page.locator('wx-button#save').click()
    await tab.page.locator('.auth').waitFor()
    await tab.page.click('.auth button.allow')
    await page.locator('#result', { hasText: 'saved ' }).waitFor()
    const path = (await page.locator('#result').textContent()).replace('saved ', '')
    const r = await compare(tab, path)
    assert.ok(r.mean <= MAX_MEAN && r.off <= MAX_OFF, JSON.stringify(r))
    assert.deepEqual(tab.errors, [])
  })
})

describe('echarts', () => {
  let sim, tab
  before(async () => {
    // echarts from npm into the example's miniprogram_npm (nothing committed)
    require('node:child_process').execFileSync('bash', [require('node:path').join(__dirname, '../../../../examples/echarts/setup')], { stdio: 'inherit' })
    sim = await startSimulator('examples/echarts')
    tab = await openSimulator(browser, sim.url)
  })
  after(async () => { await tab?.close(); await sim?.stop() })

  test('line, bar and pie are drawn by the browser and a tap on a bar fires its click', async () => {
    const page = await tab.top('pages/charts/charts')
    await page.locator('#drawn', { hasText: 'bar,line,pie' }).waitFor({ timeout: 150000 })
    const ink = await tab.page.evaluate(() => {
      const doc = document.querySelector('#pages iframe:not(.hidden)').contentDocument
      return Array.from(doc.querySelectorAll('wx-canvas canvas')).map(c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
        let n = 0
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++
        return n / (d.length / 4)
      })
    })
    assert.equal(ink.length, 3)
    for (const share of ink) assert.ok(share > 0.02, JSON.stringify(ink))
    // Tue's bar: the grid's default 10 % margins on a 350 px chart, seven categories of 40 px, value 200 of 250
    const bar = tab.page.frameLocator('#pages iframe:not(.hidden)').locator('#bar wx-canvas')
    const box = await bar.boundingBox()
    await tab.page.mouse.click(box.x + 95, box.y + 170)
    await page.locator('#clicked', { hasText: 'bar Tue 200' }).waitFor()
  })
})
