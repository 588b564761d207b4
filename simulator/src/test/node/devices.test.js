// The browser as the phone: dialogs answered in the page, chooseImage through the file chooser and the camera,
// previewImage, permission prompts, documents, audio through <audio>, recording from the (fake) microphone,
// the built-in controls, and the Storage/Files/Console panels. Project: examples/sim-lab.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { repo, startSimulator, launchBrowser, openSimulator } = require('./harness')

let browser, sim, tab
before(async () => {
  browser = await launchBrowser()
  sim = await startSimulator('examples/sim-lab')
  tab = await openSimulator(browser, sim.url)
})
after(async () => { await tab?.close(); await sim?.stop(); await browser?.close() })

const home = () => tab.top('pages/index/index')
const answer = async text => (await home()).locator('wx-text#answer', { hasText: text }).waitFor()

describe('dialogs', () => {
  test('a modal is answered in the page: confirm and cancel', async () => {
    const page = await home()
    await page.locator('wx-button#modal').click()
    const dialog = tab.page.locator('.dialog', { hasText: 'Delete?' })
    await dialog.waitFor()
    assert.match(await dialog.textContent(), /This cannot be undone/)
    await dialog.locator('button', { hasText: '确定' }).click()
    await answer('confirmed')
    await page.locator('wx-button#modal').click()
    await tab.page.locator('.dialog button', { hasText: '取消' }).click()
    await answer('cancelled')
    await tab.page.locator('.dialog').waitFor({ state: 'detached' })
  })

  test('an editable modal returns what was typed', async () => {
    const page = await home()
    await page.locator('wx-button#edit').click()
    await tab.page.locator('.dialog-input').fill('Wren')
    await tab.page.locator('.dialog button', { hasText: '确定' }).click()
    await answer('name: Wren')
  })

  test('an action sheet: tap an item, or cancel', async () => {
    const page = await home()
    await page.locator('wx-button#sheet').click()
    await tab.page.locator('.sheet-item', { hasText: 'Blue' }).click()
    await answer('picked 2')
    await page.locator('wx-button#sheet').click()
    await tab.page.locator('.sheet-cancel').click()
    await answer('showActionSheet:fail cancel')
  })

  test('loading, then a success toast', async () => {
    const page = await home()
    await page.locator('wx-button#loading').click()
    await tab.page.locator('.toast', { hasText: 'Working' }).waitFor()
    await tab.page.locator('.toast', { hasText: 'Done' }).waitFor()
  })

  test('setNavigationBarTitle renames the bar', async () => {
    const page = await home()
    await page.locator('wx-button#title').click()
    await tab.page.locator('#nav-title', { hasText: 'Renamed' }).waitFor()
  })
})

describe('images', () => {
  test('chooseImage opens the file chooser; the picked files come back as temp files and show', async () => {
    const page = await home()
    const chooser = tab.page.waitForEvent('filechooser')
    await page.locator('wx-button#choose').click()
    await tab.page.locator('.sheet-item[data-source=album]').click()
    const fc = await chooser
    assert.equal(fc.isMultiple(), true)
    await fc.setFiles([path.join(repo, 'examples/sim-lab/images/sunset.png'), path.join(repo, 'examples/sim-lab/images/sea.png')])
    await page.locator('wx-text#photo-info', { hasText: '2 photos, 3 loaded' }).waitFor()
    const src = await page.locator('wx-image.photo >> nth=0').evaluate(el => el.__wx.attrs.src)
    assert.match(src, /^wxfile:\/\/tmp_/)
    const size = await page.locator('wx-image.photo >> nth=0 >> img').evaluate(img => img.naturalWidth)
    assert.equal(size, 240)
  })

  test('a package image with mode widthFix keeps its aspect ratio', async () => {
    const page = await home()
    const box = await page.locator('wx-image#sunset').boundingBox()
    assert.equal(Math.round(box.width), 150)
    assert.equal(Math.round(box.height), 100)
  })

  test('previewImage opens the full-screen viewer; a tap closes it', async () => {
    const page = await home()
    await page.locator('wx-image.photo >> nth=1').click()
    const viewer = tab.page.locator('.viewer')
    await viewer.waitFor()
    assert.equal(await tab.page.locator('.viewer-index').textContent(), '2/2')
    await tab.page.click('.viewer-nav.prev')
    assert.equal(await tab.page.locator('.viewer-index').textContent(), '1/2')
    await viewer.click({ position: { x: 100, y: 300 } })
    await answer('previewed')
  })

  test('the camera takes a photo with the browser camera', async () => {
    const page = await home()
    await page.locator('wx-button#choose').click()
    await tab.page.locator('.sheet-item[data-source=camera]').click()
    await tab.page.locator('.camera video').waitFor()
    await tab.page.waitForFunction(() => document.querySelector('.camera video')?.videoWidth > 0)
    await tab.page.click('.camera .shutter')
    await page.locator('wx-text#photo-info', { hasText: '1 photos' }).waitFor()
  })
})

describe('device', () => {
  test('a SelectorQuery gets its layout from the browser that paints the page', async () => {
    const page = await home()
    await page.locator('wx-button#measure').click()
    const text = await page.locator('wx-text#device-result', { hasText: 'sunset' }).textContent()
    const r = await page.locator('wx-image#sunset').evaluate(el => {
      const b = el.getBoundingClientRect()
      return { w: Math.round(b.width), h: Math.round(b.height), l: Math.round(b.left), t: Math.round(b.top) }
    })
    assert.equal(r.w, 150) // 300rpx on the 375 px wide phone
    const [, box, tall] = text.match(/^(sunset .*); page (\d+) tall$/)
    assert.equal(box, `sunset ${r.w}x${r.h} at ${r.l},${r.t}`)
    assert.ok(Number(tall) > r.t + r.h, text) // the page's scroll height (before the answer's own line was added)
  })

  test('setTabBarBadge and showTabBarRedDot paint on the tab bar', async () => {
    const page = await home()
    await page.locator('wx-button#badge').click()
    await tab.page.locator('#tab-bar button[data-route="pages/controls/controls"] .tab-badge:not([hidden])', { hasText: '12' }).waitFor()
    await tab.page.locator('#tab-bar button[data-route="pages/index/index"] .tab-badge.dot:not([hidden])').waitFor()
  })

  test('a permission prompt is answered in the page', async () => {
    const page = await home()
    await page.locator('wx-button#authorize').click()
    await tab.page.locator('.auth', { hasText: '麦克风' }).waitFor()
    await tab.page.click('.auth button.allow')
    await page.locator('wx-text#device-result', { hasText: 'microphone allowed' }).waitFor()
  })

  test('openDocument shows the PDF pages rendered by the simulator', async () => {
    const page = await home()
    await page.locator('wx-button#document').click()
    await page.locator('wx-text#device-result', { hasText: 'opened report.pdf' }).waitFor()
    const img = tab.page.locator('.document-body img').first()
    await img.waitFor()
    await tab.page.waitForFunction(() => document.querySelector('.document-body img')?.naturalWidth > 0)
    assert.ok(await img.evaluate(i => i.naturalWidth) >= 600)
    await tab.page.click('.document-bar button')
    await tab.page.locator('.document').waitFor({ state: 'detached' })
  })

  test('openDocument of a docx shows its text', async () => {
    const page = await home()
    await page.locator('wx-button#office').click()
    await tab.page.locator('.document-body pre').waitFor()
    assert.ok((await tab.page.locator('.document-body pre').textContent()).length > 0)
    await tab.page.click('.document-bar button')
  })
})

describe('audio', () => {
  test('InnerAudioContext plays through the browser with real position and end', async () => {
    const page = await home()
    await page.locator('wx-navigator#to-audio').click()
    const audio = await tab.top('pages/audio/audio')
    await audio.locator('wx-button#play').click()
    await audio.locator('wx-text#player', { hasText: 'playing' }).waitFor()
    await tab.page.waitForFunction(() => Array.from(window.__sparrow.speaker.tracks.values()).some(a => !a.paused && a.currentTime > 0.2))
    await audio.locator('wx-text#player', { hasText: 'ended 1.5 / 1.5' }).waitFor({ timeout: 10000 })
  })

  test('RecorderManager records from the microphone into a WAV temp file', async () => {
    const audio = await tab.top('pages/audio/audio')
    await audio.locator('wx-button#record').click()
    await audio.locator('wx-text#recording', { hasText: 'recording' }).waitFor()
    await tab.page.waitForFunction(() => window.__sparrow.microphone.captures.size > 0)
    await audio.locator('wx-button#stop').click()
    const text = await audio.locator('wx-text#recording', { hasText: 'recorded' }).textContent()
    const [, ms, bytes] = text.match(/recorded (\d+) ms, (\d+) bytes/).map(Number)
    assert.ok(bytes === 44 + ms * 32, `16 kHz mono 16-bit: ${text}`)
    await tab.page.click('#back')
    await home()
  })
})

describe('pull-down refresh', () => {
  test('pulling the page down calls onPullDownRefresh; the dots stay until stopPullDownRefresh', async () => {
    const page = await home()
    await page.locator('wx-navigator#to-audio').click()
    const audio = await tab.top('pages/audio/audio')
    await audio.locator('wx-text#refresh', { hasText: 'pulled 0 times' }).waitFor()
    const box = await tab.page.locator('#pages iframe[data-route="pages/audio/audio"]').boundingBox()
    const x = box.x + box.width / 2
    const y = box.y + box.height - 40 // below the page's content: nothing to tap there
    await tab.page.mouse.move(x, y)
    await tab.page.mouse.down()
    for (let i = 1; i <= 10; i++) await tab.page.mouse.move(x, y + 20 * i)
    await tab.page.mouse.up()
    await audio.locator('wx-text#refresh', { hasText: 'pulled 1 times, refreshing' }).waitFor()
    await audio.locator('.wx-pull-down[style*="height: 50px"]').waitFor({ state: 'attached' })
    await audio.locator('wx-button#refreshed').click()
    await audio.locator('wx-text#refresh', { hasText: /^pulled 1 times$/ }).waitFor()
    await audio.locator('.wx-pull-down[style*="height: 0px"]').waitFor({ state: 'attached' })
    await tab.page.click('#back')
    await home()
  })
})

describe('page scroll', () => {
  test('scrolling to the end of the 1,000 rows calls onReachBottom once per arrival', async () => {
    const page = await home()
    await page.locator('wx-navigator#to-rows').click()
    const rows = await tab.top('pages/rows/rows')
    const counter = rows.locator('wx-view.bottoms')
    await counter.waitFor()
    assert.equal(await counter.textContent(), 'reached the end 0 times')
    const scroll = y => tab.page.evaluate(top => {
      const w = document.querySelector('#pages iframe[data-route="pages/rows/rows"]').contentWindow
      w.scrollTo(0, top < 0 ? w.document.documentElement.scrollHeight : top)
    }, y)
    await scroll(-1)
    await rows.locator('wx-view.bottoms', { hasText: 'reached the end 1 times' }).waitFor()
    await scroll(200)      // back up (reported once the simulator sent it), then down again: a second arrival
    await tab.page.waitForFunction(() => Array.from(window.__sparrow.pages.values()).some(f => f.lastScrollTop === 200))
    await scroll(-1)
    await rows.locator('wx-view.bottoms', { hasText: 'reached the end 2 times' }).waitFor()
    await tab.page.click('#back')
    await home()
  })
})

describe('controls', () => {
  let page
  before(async () => {
    await tab.page.click('#tab-bar button[data-route="pages/controls/controls"]')
    page = await tab.top('pages/controls/controls')
  })
  const events = text => page.locator('wx-text#events', { hasText: text }).waitFor()

  test('maxlength cuts what is typed, as the logic layer says', async () => {
    await page.locator('wx-input#name input').fill('Sparrow the bird')
    await page.locator('wx-text#typed', { hasText: 'Sparrow ' }).waitFor()
    assert.equal(await page.locator('wx-input#name input').inputValue(), 'Sparrow ')
  })

  test('checkbox group, radio group and switch fire change', async () => {
    await page.locator('wx-checkbox[value=pear]').click()
    await events('fruits apple,pear')
    await page.locator('wx-radio#small').click()
    await events('size S')
    assert.equal(await page.locator('wx-radio#large .wx-radio-input-checked').count(), 0)
    await page.locator('wx-switch#notify').click()
    await events('notify true')
  })

  test('the slider snaps to its step and updates the progress bar', async () => {
    const area = page.locator('wx-slider#volume .wx-slider-tap-area')
    const box = await area.boundingBox()
    await area.click({ position: { x: box.width * 0.75, y: box.height / 2 } })
    await events('volume 8')
    await page.locator('wx-progress .wx-progress-info', { hasText: '80%' }).waitFor()
  })

  test('the picker opens its sheet and changes the value', async () => {
    await page.locator('wx-picker#city').click()
    await tab.page.locator('.picker-column div', { hasText: 'Shenzhen' }).click()
    await tab.page.click('.picker-head .confirm')
    await page.locator('wx-view.picker', { hasText: 'City: Shenzhen' }).waitFor()
  })

  test('submit collects the named fields; reset fires reset', async () => {
    await page.locator('wx-button#submit').click()
    await events('submit ')
    const json = JSON.parse((await page.locator('wx-text#events').textContent()).slice('submit '.length))
    assert.deepEqual(json, { name: 'Sparrow ', fruits: ['apple', 'pear'], size: 'S', notify: true, volume: 8, city: 2 })
    await page.locator('wx-button#reset').click()
    await events('reset')
  })

  test('swiper swipes; scroll-view reports reaching its end', async () => {
    const swiper = page.locator('wx-swiper#swiper')
    const box = await swiper.boundingBox()
    await tab.page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2)
    await tab.page.mouse.down()
    await tab.page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 4 })
    await tab.page.mouse.up()
    await events('slide 1 by touch')
    await page.locator('wx-scroll-view#scroller').evaluate(el => el.scrollTo(0, el.scrollHeight))
    await events('scrolled to the end')
  })

  test('rich-text keeps markup and drops scripts and handlers', async () => {
    const rich = page.locator('wx-rich-text#rich')
    assert.equal(await rich.locator('b').textContent(), 'text')
    assert.equal(await rich.locator('script').count(), 0)
    assert.equal(await rich.locator('img').getAttribute('onerror'), null)
  })
})

describe('panels', () => {
  test('Storage shows keys and edits them', async () => {
    await tab.page.click('.panel-tabs [data-panel=storage]')
    const row = tab.page.locator('#panel-storage tr[data-key=launches]')
    await row.waitFor()
    assert.equal(await row.locator('td >> nth=1').textContent(), 'number')
    tab.page.once('dialog', d => d.accept('41'))
    await row.locator('button', { hasText: 'Edit' }).click()
    await tab.page.locator('#panel-storage tr[data-key=launches] td >> nth=2', { hasText: '41' }).waitFor()
  })

  test('Files lists the user files the page wrote', async () => {
    await tab.page.click('.panel-tabs [data-panel=files]')
    await tab.page.locator('#panel-files a', { hasText: 'wxfile://usr/report.pdf' }).waitFor()
  })

  test('no uncaught errors in the simulator page', async () => {
    assert.deepEqual(tab.errors.map(e => e.message), [])
  })
})
