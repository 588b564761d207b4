// Live reload as a person sees it: `sparrow run` on a copy of the quickstart, a file saved, the tab changes.
const { test } = require('node:test')
const assert = require('node:assert')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { repo, startSimulator, launchBrowser, openSimulator } = require('./harness')

/** True once the visible page frame has an element matching `selector` for which `check(element)` holds. */
function inTopFrame(selector, check) {
  return `(() => {
    const frame = document.querySelector('#pages iframe:not(.hidden)')
    const el = frame && frame.contentDocument && frame.contentDocument.querySelector(${JSON.stringify(selector)})
    return !!el && (${check})(el)
  })()`
}

test('a saved WXSS restyles the page in place; a saved WXML relaunches at the same page and the tab reloads',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-livereload-'))
    fs.cpSync(path.join(repo, 'examples/quickstart'), dir, { recursive: true })
    const sim = await startSimulator(path.relative(repo, dir))
    const browser = await launchBrowser()
    try {
      const tab = await openSimulator(browser, sim.url)
      await tab.top('pages/index/index')
      await tab.page.waitForFunction(inTopFrame('.user-motto', 'el => el.textContent === "Hello Sparrow"'))

      fs.appendFileSync(path.join(dir, 'pages/index/index.wxss'), '\n.user-motto { color: rgb(1, 2, 3); }\n')
      await sim.waitForOutput('reloaded: pages/index/index.wxss')
      await tab.page.waitForFunction(inTopFrame('.user-motto', 'el => getComputedStyle(el).color === "rgb(1, 2, 3)"'))

      const reloaded = tab.page.waitForEvent('load')
      const wxml = '<view class="container"><text class="edited">Edited</text></view>\n'
      fs.writeFileSync(path.join(dir, 'pages/index/index.wxml'), wxml)
      await sim.waitForOutput('reloaded: pages/index/index.wxml')
      await reloaded
      await tab.page.waitForSelector('#pages iframe:not(.hidden)')
      await tab.page.waitForFunction(inTopFrame('.edited', 'el => el.textContent === "Edited"'))

      fs.writeFileSync(path.join(dir, 'pages/index/index.js'), 'Page({\n')
      await sim.waitForOutput('not reloaded: pages/index/index.js')
      assert.ok(await tab.page.evaluate(inTopFrame('.edited', 'el => true')), 'the last good build is still shown')
      assert.deepStrictEqual(tab.errors, [])
    } finally {
      await browser.close()
      await sim.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
