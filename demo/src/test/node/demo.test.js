// Every page of the demo (examples/demo) in Debian's Chromium, used as a person would: taps, typing, files picked
// in the file chooser, recording from Chromium's fake microphone, audio playing and seeking in the browser, the PDF
// opened; assertions on what the page shows and on what the demo backend received. Runs `./sparrow demo`.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const crypto = require('node:crypto')
const fs = require('node:fs')
const { launchBrowser, openSimulator } = require('../../../../simulator/src/test/node/harness')
const { startDemo } = require('./demo')

let browser, demo, tab
before(async () => {
  browser = await launchBrowser()
  demo = await startDemo()
  tab = await openSimulator(browser, demo.url)
})
after(async () => { await tab?.close(); await demo?.stop(); await browser?.close() })

const md5 = file => crypto.createHash('md5').update(fs.readFileSync(file)).digest('hex')
const text = (page, selector, hasText) => page.locator(selector, { hasText }).waitFor()

/** Taps the topic on the index page (going back to it first if a failed test left another page) and returns the page it opened. */
async function open(topic) {
  for (let i = 0; i < 5 && !(await tab.page.locator('#pages iframe[data-route="pages/index/index"]:not(.hidden)').isVisible()); i++) {
    await tab.page.click('#back')
  }
  const index = await tab.top('pages/index/index')
  await index.locator(`wx-navigator#topic-${topic}`).click()
  return tab.top(`pages/${topic}/${topic}`)
}

/** Back to the index with the navigation bar's back button. */
async function back() {
  await tab.page.click('#back')
  await tab.top('pages/index/index')
}

/** Picks `files` in the sheet chooseImage opens (album → the browser's file chooser). */
async function pick(page, button, files) {
  const chooser = tab.page.waitForEvent('filechooser')
  await page.locator(button).click()
  await tab.page.locator('.sheet-item[data-source=album]').click()
  await (await chooser).setFiles(files)
}

/** Allows the permission prompt showing `scope` (WeChat's authorization sheet). */
async function allow(name) {
  await tab.page.locator('.auth', { hasText: name }).waitFor()
  await tab.page.click('.auth button.allow')
}

describe('network', () => {
  test('an HTML page is fetched into the textarea', async () => {
    const page = await open('request')
    await page.locator('wx-button#fetch').click()
    await text(page, 'wx-text#status', '200')
    await text(page, 'wx-text#title', '百度一下，你就知道')
    assert.match(await page.locator('wx-textarea#html textarea').inputValue(), /^<!DOCTYPE html>[\s\S]*百度一下/)
    await back()
  })

  test('postcodes are queried by GET and POST behind a loading toast', async () => {
    await tab.page.evaluate(() => {
      window.__toasts = []
      new MutationObserver(records => {
        for (const r of records) for (const n of r.addedNodes) {
          const t = n.querySelector?.('.toast-title')
          if (t) window.__toasts.push(t.textContent)
        }
      }).observe(document.body, { childList: true, subtree: true })
    })
    const page = await open('postcode')
    await page.locator('wx-input#postcode input').fill('100080')
    await page.locator('wx-button#query-get').click()
    await text(page, 'wx-view#summary', '3 addresses for 100080 · GET')
    assert.deepEqual(await page.locator('wx-view.street').allTextContents(), ['中关村大街100080', '海淀大街100080', '苏州街100080'])
    assert.ok((await tab.page.evaluate(() => window.__toasts)).includes('Querying…'))
    await page.locator('wx-input#postcode input').fill('215001')
    await page.locator('wx-button#query-post').click()
    await text(page, 'wx-view#summary', '8 addresses for 215001 · POST')
    const queries = (await demo.received()).queries
    assert.deepEqual(queries.slice(-2).map(q => [q.method, q.params.postcode]), [['GET', '100080'], ['POST', '215001']])
    await back()
  })

  test('a photo picked in the file chooser is uploaded and the server reports the same bytes', async () => {
    const photo = await demo.cdnFile('/images/forest.jpg')
    const page = await open('upload')
    await pick(page, 'wx-button#choose', [photo])
    await page.locator('wx-image#chosen').waitFor()
    await page.locator('wx-button#upload').click()
    await text(page, 'wx-view#md5-check', '✓ Same bytes as the local file')
    assert.equal(await page.locator('wx-text#file-md5').textContent(), md5(photo))
    assert.equal(await page.locator('wx-text#file-type').textContent(), 'image/jpeg')
    const upload = (await demo.received()).uploads.at(-1)
    assert.deepEqual(upload.fields, { user: 'sparrow', album: 'Demo' })
    assert.equal(upload.files[0].md5, md5(photo))
    assert.equal(upload.files[0].size, fs.statSync(photo).size)
    await back()
  })

  test('a picture is downloaded with progress and shown', async () => {
    const page = await open('download')
    await page.locator('wx-button#download').click()
    await text(page, 'wx-text#status', '200')
    await page.locator('wx-progress .wx-progress-info', { hasText: '100%' }).waitFor()
    const img = page.locator('wx-image#picture img')
    await img.waitFor()
    await page.locator('wx-image#picture img[src]').waitFor()
    assert.equal(await img.evaluate(i => i.decode().then(() => i.naturalWidth)), 1600)
    await back()
  })

  test('the echo chat works with a SocketTask and with the legacy globals', async () => {
    const page = await open('socket')
    for (const mode of ['task', 'legacy']) {
      await page.locator(`wx-view#mode-${mode}`).click()
      await page.locator('wx-button#connect').click()
      await text(page, 'wx-text#state', 'open')
      await page.locator('wx-input#draft input').fill(`hello ${mode}`)
      await page.locator('wx-button#send').click()
      await page.locator('wx-view.line.echo wx-text.bubble', { hasText: `hello ${mode}` }).waitFor()
      await page.locator('wx-button#disconnect').click()
      await text(page, 'wx-text#state', 'closed')
    }
    assert.deepEqual((await demo.received()).messages.slice(-2), ['hello task', 'hello legacy'])
    await back()
  })
})

describe('media', () => {
  test('pictures are chosen, previewed, inspected and saved after the permission prompt', async () => {
    const files = [await demo.cdnFile('/images/landscape.jpg'), await demo.cdnFile('/images/forest.jpg'), await demo.cdnFile('/images/dusk.png')]
    const page = await open('images')
    await pick(page, 'wx-button#choose', files)
    await page.locator('wx-view.cell >> nth=2').waitFor()
    await page.locator('wx-view#photo-2').click()
    await page.locator('wx-button#inspect').click()
    await text(page, 'wx-text#info-size', '640 × 427')
    await text(page, 'wx-text#info-type', 'jpeg') // sizeType 'compressed': re-encoded as JPEG
    await page.locator('wx-button#preview').click()
    await tab.page.locator('.viewer').waitFor()
    assert.equal(await tab.page.locator('.viewer-index').textContent(), '3/3')
    await tab.page.locator('.viewer').click({ position: { x: 100, y: 300 } })
    await tab.page.locator('.viewer').waitFor({ state: 'detached' })
    await page.locator('wx-button#save').click()
    await allow('相册')
    await text(page, 'wx-view#save-status', 'Saved to the album')
    await page.locator('wx-button#inspect-remote').click()
    await text(page, 'wx-text#remote-info', '1080 × 720 · jpeg')
    const remote = page.locator('wx-image.remote img[src]')
    assert.equal(await remote.evaluate(i => i.decode().then(() => i.naturalWidth)), 1080)
    await back()
  })

  test('a voice memo is recorded from the microphone and played back', async () => {
    const page = await open('voice')
    await page.locator('wx-button#start').click()
    await allow('麦克风')
    await text(page, 'wx-view#record-state', 'Recording… 1 s')
    assert.ok(await tab.page.evaluate(() => window.__sparrow.microphone.captures.size) > 0)
    await page.locator('wx-button#stop').click()
    await text(page, 'wx-view#memo-0', 'Memo 1')
    await page.locator('wx-button#play-0').click()
    await text(page, 'wx-view#memo-0', 'playing')
    await tab.page.waitForFunction(() => Array.from(window.__sparrow.speaker.tracks.values()).some(a => !a.paused && a.currentTime > 0.1))
    await page.locator('wx-view#memo-0', { hasText: 'playing' }).waitFor({ state: 'detached', timeout: 10000 })
    await back()
  })

  test('the music player plays in the browser, skips ±10 s with clamping, pauses, resumes and stops', async () => {
    const page = await open('music')
    await page.locator('wx-button#play').click()
    await text(page, 'wx-text#status', 'playing')
    await text(page, 'wx-text#duration-text', '0:30')
    assert.equal(await page.locator('wx-image.cover img[src]').evaluate(i => i.decode().then(() => i.naturalWidth)), 600)
    await text(page, 'wx-text#position-text', /^0:0[1-9]$/)
    await page.locator('wx-button#forward').click()
    await text(page, 'wx-text#position-text', /^0:1[1-9]$/)
    await page.locator('wx-button#back').click()
    await page.locator('wx-button#back').click()
    await text(page, 'wx-text#position-text', /^0:0[0-2]$/)
    await page.locator('wx-button#pause').click()
    await text(page, 'wx-text#status', 'paused')
    const paused = await page.locator('wx-text#position-text').textContent()
    await page.locator('wx-button#play').click()
    await text(page, 'wx-text#status', 'playing')
    assert.ok((await page.locator('wx-text#position-text').textContent()) >= paused, 'resumed, not restarted')
    for (let i = 0; i < 3; i++) await page.locator('wx-button#forward').click()
    await text(page, 'wx-text#status', 'stopped')
    await text(page, 'wx-text#events', 'stop')
    await page.locator('wx-button#play').click()
    await text(page, 'wx-text#status', 'playing')
    await page.locator('wx-button#stop').click()
    await text(page, 'wx-text#status', 'stopped')
    const fetched = (await demo.received()).fetches.filter(f => f.path === '/music/sparrow-song.mp3')
    assert.ok(fetched.length > 0)
    await back()
  })

  test('the recorder records, pauses, resumes, stops and plays its recording', async () => {
    const page = await open('recorder')
    await page.locator('wx-button#start').click()
    await text(page, 'wx-view#state', 'recording')
    await tab.page.waitForFunction(() => window.__sparrow.microphone.captures.size > 0)
    await page.locator('wx-button#pause').click()
    await text(page, 'wx-view#state', 'paused')
    await page.locator('wx-button#resume').click()
    await text(page, 'wx-view#state', 'recording')
    await page.locator('wx-button#stop').click()
    await text(page, 'wx-text#events', 'start → pause → resume → stop')
    await page.locator('wx-text#result-seconds').waitFor()
    await page.locator('wx-button#play').click()
    await text(page, 'wx-button#play', 'Playing…')
    await text(page, 'wx-button#play', 'Play it')
    await back()
  })

  test('the sound player plays, seeks with the slider, loops and stops', async () => {
    const page = await open('audio')
    await text(page, 'wx-text#events', 'canplay')
    await page.locator('wx-button#toggle').click()
    await text(page, 'wx-text#events', 'play')
    await tab.page.waitForFunction(() => Array.from(window.__sparrow.speaker.tracks.values()).some(a => !a.paused && a.currentTime > 0.2))
    const area = page.locator('wx-slider#seek .wx-slider-tap-area')
    const box = await area.boundingBox()
    await area.click({ position: { x: box.width * 0.5, y: box.height / 2 } })
    await text(page, 'wx-text#events', 'seeked')
    await text(page, 'wx-text#position-text', /^0:1[5-9]$/)
    await page.locator('wx-switch#loop').click()
    await page.locator('wx-button#toggle').click()
    await text(page, 'wx-text#events', 'pause')
    await page.locator('wx-button#stop').click()
    await text(page, 'wx-text#events', 'stop')
    await back()
  })

  test('background audio keeps playing after the page is left', async () => {
    let page = await open('bgm')
    await page.locator('wx-button#play').click()
    await text(page, 'wx-text#state', 'playing')
    await back()
    await tab.page.waitForFunction(() => Array.from(window.__sparrow.speaker.tracks.values()).some(a => !a.paused && a.currentTime > 1))
    page = await open('bgm')
    await text(page, 'wx-text#state', 'playing')
    await page.locator('wx-button#pause').click()
    await text(page, 'wx-text#state', 'not playing')
    await page.locator('wx-button#stop').click()
    await text(page, 'wx-text#events', 'stop')
    await back()
  })
})

describe('files', () => {
  test('the PDF and the Word document open in the viewer; saved files are listed, inspected and removed', async () => {
    const page = await open('files')
    await page.locator('wx-button#open-pdf').click()
    const img = tab.page.locator('.document-body img').first()
    await img.waitFor()
    await tab.page.waitForFunction(() => document.querySelector('.document-body img')?.naturalWidth > 0)
    assert.equal(await tab.page.locator('.document-body img').count(), 2)
    await tab.page.click('.document-bar button')
    await tab.page.locator('.document').waitFor({ state: 'detached' })
    await page.locator('wx-button#open-docx').click()
    await tab.page.locator('.document-body pre', { hasText: 'Quarterly report' }).waitFor()
    assert.match(await tab.page.locator('.document-body pre').textContent(), /North\t120\t138/)
    await tab.page.click('.document-bar button')
    await page.locator('wx-button#save-pdf').click()
    await text(page, 'wx-view#message', 'Saved as store_')
    await page.locator('wx-button#info-0').click()
    const pdf = fs.statSync(await demo.cdnFile('/docs/field-guide.pdf')).size
    await text(page, 'wx-text#info-size', `${pdf} bytes`)
    await page.locator('wx-button#remove-0').click()
    await text(page, 'wx-view#message', 'Removed store_')
    await page.locator('wx-view.empty', { hasText: 'Nothing saved yet' }).waitFor()
    await back()
  })

  test('notes are written, read, appended and deleted with the FileSystemManager', async () => {
    const page = await open('fs')
    await page.locator('wx-input#title input').fill('Shopping list')
    await page.locator('wx-textarea#body textarea').fill('milk\neggs')
    await page.locator('wx-button#save').click()
    await text(page, 'wx-view#message', 'Saved Shopping-list.txt')
    await page.locator('wx-button#read-0').click()
    await text(page, 'wx-text#note-text', 'milk')
    await page.locator('wx-button#stamp-0').click()
    await text(page, 'wx-text#note-text', '— seen ')
    await page.locator('wx-button#keep-picture').click()
    await text(page, 'wx-view#message', 'Copied the picture to notes/dusk.png')
    await page.locator('wx-button#delete-0').click()
    await text(page, 'wx-view#message', 'Deleted Shopping-list.txt')
    await back()
  })

  test('no uncaught errors in the simulator page or the mini program', async () => {
    assert.deepEqual(tab.errors.map(e => e.message), [])
    assert.deepEqual(demo.output.filter(l => /^error\b/.test(l)), [])
  })
})
