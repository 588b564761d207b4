// Element and app methods of the official client that drive gestures and components (issue 20): dispatchEvent's
// detail, touches with the coordinates sent, longpress, swiper, scroll-view, movable-view, the video context,
// plugins and pageScrollTo. The page logs every event as {type, id, detail, touches, changedTouches}.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')

const { launch } = require('./launch')
let miniProgram
let page

before(async () => {
  miniProgram = await launch('automation/src/test/resources/client-methods')
  page = await miniProgram.currentPage()
}, { timeout: 180000 })

after(async () => {
  if (miniProgram) await miniProgram.close()
})

async function events() {
  const seen = await page.data('events')
  await page.callMethod('clear')
  return seen
}

const brief = e => e.type + JSON.stringify(e.detail)

test('dispatchEvent keeps the detail sent', async () => {
  await (await page.$('#box')).dispatchEvent({ eventName: 'custom', detail: { answer: 42 } })
  assert.deepEqual((await events()).map(brief), ['custom{"answer":42}'])
})

test('touches arrive with the coordinates sent', async () => {
  const box = await page.$('#box')
  const finger = { identifier: 3, pageX: 120, pageY: 340, clientX: 120, clientY: 90 }
  await box.touchstart({ touches: [finger], changedTouches: [finger] })
  await box.touchmove({ touches: [{ identifier: 3, pageX: 125, pageY: 345 }] })
  await box.touchend({ touches: [], changedTouches: [{ identifier: 3, pageX: 125, pageY: 345 }] })
  const [start, move, end] = await events()
  assert.deepEqual(start.touches, [finger])
  assert.deepEqual(start.detail, { x: 120, y: 340 })
  assert.deepEqual(move.changedTouches, [{ identifier: 3, pageX: 125, pageY: 345, clientX: 125, clientY: 345 }])
  assert.deepEqual(end.touches, [])
  assert.equal(end.changedTouches[0].pageY, 345)
  await (await page.$('#pad')).touchstart({ touches: [{ x: 15, y: 25 }] })
  assert.deepEqual((await events())[0].touches, [{ identifier: 0, x: 15, y: 25 }])
})

test('longpress fires bindlongpress and no tap; a tap still taps', async () => {
  const press = await page.$('#press')
  await press.longpress()
  assert.deepEqual((await events()).map(e => e.type), ['longpress'])
  await press.tap()
  assert.deepEqual((await events()).map(e => e.type), ['tap'])
})

test('swiper swipeTo: change with current and source, current updated', async () => {
  const swiper = await page.$('#swiper')
  await swiper.swipeTo(1)
  assert.deepEqual((await events()).map(brief), ['change{"current":1,"currentItemId":"b","source":"touch"}',
    'animationfinish{"current":1,"currentItemId":"b","source":"touch"}'])
  assert.equal(await swiper.property('current'), 1)
})

test('scroll-view scrollTo: scroll with sizes and deltas, then the edges', async () => {
  const list = await page.$('#list')
  await list.scrollTo(0, 300)
  await list.scrollTo(0, 0)
  assert.deepEqual((await events()).map(brief), [
    'scroll{"scrollLeft":0,"scrollTop":300,"scrollHeight":0,"scrollWidth":0,"deltaX":0,"deltaY":300}',
    'scrolltolower{"direction":"bottom"}',
    'scroll{"scrollLeft":0,"scrollTop":0,"scrollHeight":0,"scrollWidth":0,"deltaX":0,"deltaY":-300}',
    'scrolltoupper{"direction":"top"}'])
  assert.equal(await list.property('scrollTop'), 0)
  assert.equal(await list.scrollHeight(), 0) // headless: no layout
})

test('movable-view moveTo: x and y, change with source', async () => {
  const mover = await page.$('#mover')
  await mover.moveTo(50, 60)
  assert.equal(await mover.property('x'), 50)
  assert.equal(await mover.property('y'), 60)
  assert.deepEqual((await events()).map(brief), ['change{"x":50,"y":60,"source":"touch"}'])
})

test('callContextMethod on video', async () => {
  const video = await page.$('#player')
  await video.callContextMethod('play')
  await video.callContextMethod('seek', 30)
  await video.callContextMethod('requestFullScreen', { direction: 0 })
  await video.callContextMethod('pause')
  assert.deepEqual((await events()).map(brief), ['play{}', 'seekcomplete{"position":30}',
    'fullscreenchange{"fullScreen":true,"direction":"vertical"}', 'pause{}'])
  await assert.rejects(video.callContextMethod('explode'), /VideoContext.explode is not a function/)
})

test('plugins declared in app.json have their own wx', async () => {
  await miniProgram.mockPluginWxMethod('wxchartplugin0001', 'getStorageSync', 'from the plugin')
  assert.equal(await miniProgram.callPluginWxMethod('wxchartplugin0001', 'getStorageSync', 'k'), 'from the plugin')
  assert.equal(await miniProgram.callWxMethod('getStorageSync', 'k'), '')
  await miniProgram.restorePluginWxMethod('wxchartplugin0001', 'getStorageSync')
  await assert.rejects(miniProgram.callPluginWxMethod('wxundeclared001', 'getStorageSync', 'k'),
    /plugin wxundeclared001 is not declared in app.json plugins/)
})

test('pageScrollTo fires onPageScroll and moves the page', async () => {
  await miniProgram.pageScrollTo(500)
  assert.deepEqual(await page.data('scrolled'), [500])
  assert.equal(await page.scrollTop(), 500)
})
