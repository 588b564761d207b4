// Screenshots of the demo in the simulator for the README: docs/images/demo-*.png (the phone) and
// docs/images/demo-simulator.png (the whole simulator with its Network panel). Run: demo/src/test/node/run screenshots
const path = require('node:path')
const { repo, launchBrowser, openSimulator } = require('../../../../simulator/src/test/node/harness')
const { startDemo } = require('./demo')

const out = name => path.join(repo, 'docs', 'images', name)

;(async () => {
  const browser = await launchBrowser()
  const demo = await startDemo()
  const tab = await openSimulator(browser, demo.url)
  const phone = name => tab.page.locator('#phone').screenshot({ path: out(`demo-${name}.png`) })
  const open = async topic => {
    await (await tab.top('pages/index/index')).locator(`wx-navigator#topic-${topic}`).click()
    return tab.top(`pages/${topic}/${topic}`)
  }
  const back = async () => { await tab.page.click('#back'); await tab.top('pages/index/index') }
  const pick = async (page, files) => {
    const chooser = tab.page.waitForEvent('filechooser')
    await page.locator('wx-button#choose').click()
    await tab.page.locator('.sheet-item[data-source=album]').click()
    await (await chooser).setFiles(files)
  }
  try {
    await tab.top('pages/index/index')
    await phone('index')

    let page = await open('request')
    await page.locator('wx-button#fetch').click()
    await page.locator('wx-text#title', { hasText: '百度' }).waitFor()
    await phone('request')
    await back()

    page = await open('postcode')
    await page.locator('wx-button#query-get').click()
    await page.locator('wx-view#summary').waitFor()
    await phone('postcode')
    await back()

    page = await open('upload')
    await pick(page, [await demo.cdnFile('/images/landscape.jpg')])
    await page.locator('wx-image#chosen').waitFor()
    await page.locator('wx-button#upload').click()
    await page.locator('wx-view#md5-check', { hasText: '✓' }).waitFor()
    await phone('upload')
    await back()

    page = await open('images')
    await pick(page, [await demo.cdnFile('/images/landscape.jpg'), await demo.cdnFile('/images/forest.jpg'), await demo.cdnFile('/images/dusk.png')])
    await page.locator('wx-view.cell >> nth=2').waitFor()
    await page.locator('wx-button#inspect').click()
    await page.locator('wx-text#info-size').waitFor()
    await page.locator('wx-image.remote img[src]').evaluate(i => i.decode())
    await phone('images')
    await back()

    page = await open('music')
    await page.locator('wx-button#play').click()
    await page.locator('wx-text#position-text', { hasText: /^0:0[2-9]$/ }).waitFor()
    await page.locator('wx-button#pause').click()
    await page.locator('wx-text#status', { hasText: 'paused' }).waitFor()
    await page.locator('wx-image.cover img[src]').evaluate(i => i.decode())
    await phone('music')
    await page.locator('wx-button#stop').click()
    await back()

    page = await open('socket')
    await page.locator('wx-button#connect').click()
    await page.locator('wx-text#state', { hasText: 'open' }).waitFor()
    for (const m of ['Hello!', '麻雀虽小，五脏俱全']) {
      await page.locator('wx-input#draft input').fill(m)
      await page.locator('wx-button#send').click()
      await page.locator('wx-view.line.echo wx-text.bubble', { hasText: m }).waitFor()
    }
    await phone('socket')
    await back()

    page = await open('files')
    await page.locator('wx-button#open-pdf').click()
    await tab.page.waitForFunction(() => document.querySelector('.document-body img')?.naturalWidth > 0)
    await phone('pdf')
    await tab.page.click('.document-bar button')
    await back()

    await tab.page.click('.panel-tabs [data-panel=network]')
    await tab.page.waitForTimeout(300) // let the panel paint before the picture (a screenshot, not a test)
    await tab.page.screenshot({ path: out('demo-simulator.png') })
  } finally {
    await tab.close()
    await demo.stop()
    await browser.close()
  }
})().catch(e => { console.error(e); process.exit(1) })
