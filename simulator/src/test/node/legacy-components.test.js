// The base library 1.x components in the simulator: <toast> closes itself through its change after its duration,
// <modal>'s buttons and mask answer confirm/cancel, <action-sheet>'s cancel item and mask fire its change.
// Project: projects/legacy-components.
const { test, before, after, describe } = require('node:test')
const assert = require('node:assert/strict')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

const PROJECT = 'simulator/src/test/node/projects/legacy-components'

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

describe('legacy components', () => {
  let sim, tab
  before(async () => { sim = await startSimulator(PROJECT); tab = await openSimulator(browser, sim.url) })
  after(async () => { await tab?.close(); await sim?.stop() })

  test('the toast shows over the page, then its change hides it', async () => {
    const page = await tab.top('pages/home/home')
    await page.locator('wx-button#save').click()
    await page.locator('wx-view#log', { hasText: 'saving' }).waitFor()
    const toast = page.locator('wx-toast')
    assert.equal(await toast.locator('.wx-toast').isVisible(), true)
    assert.equal(await toast.locator('.wx-toast-content').textContent(), 'saved')
    assert.equal(await toast.locator('.wx-toast').evaluate(n => getComputedStyle(n).position), 'fixed')
    await page.locator('wx-view#log', { hasText: 'toast gone' }).waitFor()
    assert.equal(await toast.locator('.wx-toast').isVisible(), false)
    assert.equal(await page.locator('wx-loading .wx-loading').isVisible(), false)
  })

  test('the modal has its title and buttons; confirm and cancel reach the page', async () => {
    const page = await tab.top('pages/home/home')
    await page.locator('wx-button#ask').click()
    const modal = page.locator('wx-modal')
    await modal.locator('.wx-modal-dialog').waitFor({ state: 'visible' })
    assert.equal(await modal.locator('.wx-modal-title').textContent(), 'Clear')
    assert.equal(await modal.locator('.wx-modal-content').textContent(), 'Remove every entry?')
    await modal.locator('.wx-modal-btn-cancel', { hasText: 'keep' }).click()
    await page.locator('wx-view#log', { hasText: 'kept' }).waitFor()
    assert.equal(await modal.locator('.wx-modal-dialog').isVisible(), false)
    await page.locator('wx-button#ask').click()
    await modal.locator('.wx-modal-btn-confirm', { hasText: 'clear' }).click()
    await page.locator('wx-view#log', { hasText: 'cleared' }).waitFor()
  })

  test('the action sheet: an item is a tap, its cancel item and its mask fire change', async () => {
    const page = await tab.top('pages/home/home')
    const sheet = page.locator('wx-action-sheet')
    await page.locator('wx-button#more').click()
    await page.locator('wx-action-sheet-cancel#cancel').click()
    await page.locator('wx-view#log', { hasText: 'sheet closed' }).waitFor()
    assert.equal(await sheet.locator('.wx-action-sheet').isVisible(), false)
    await page.locator('wx-button#more').click()
    await page.locator('wx-action-sheet-item#photo').click()
    await page.locator('wx-view#log', { hasText: 'photo' }).waitFor()
    await page.locator('wx-button#more').click()
    await page.locator('wx-action-sheet-item#photo').waitFor({ state: 'visible' })
    await sheet.locator('.wx-action-sheet-mask').click({ position: { x: 10, y: 10 } })
    await page.locator('wx-view#log', { hasText: 'sheet closed' }).waitFor()
    assert.deepEqual(tab.errors, [])
  })
})
