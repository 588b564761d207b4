// Screenshots of the simulator for the README and docs/simulator.md. Run: simulator/src/test/node/run screenshots
// (SPARROW_SHOTS=showcase takes only the files whose name contains it)
const path = require('node:path')
const { repo, startSimulator, launchBrowser, openSimulator } = require('./harness')

async function shoot(browser, project, name, steps) {
  if (process.env.SPARROW_SHOTS && !name.includes(process.env.SPARROW_SHOTS)) return
  const sim = await startSimulator(project)
  const tab = await openSimulator(browser, sim.url)
  try {
    await steps(tab)
    await tab.page.screenshot({ path: path.join(repo, 'docs', 'images', name) })
  } finally {
    await tab.close()
    await sim.stop()
  }
}

;(async () => {
  const browser = await launchBrowser()
  try {
    await shoot(browser, 'examples/todo', 'simulator-todo.png', async tab => {
      const page = await tab.top('pages/index/index')
      for (const t of ['Buy milk', 'Water the plants', 'Write the report']) {
        await page.locator('wx-input#draft input').fill(t)
        await page.locator('wx-button#add').click()
        await page.locator('wx-view.todo wx-text.title', { hasText: t }).waitFor()
      }
      await page.locator('wx-view.todo >> nth=1').click({ position: { x: 20, y: 10 } })
      await page.locator('wx-view.todo.done').waitFor()
      await tab.page.locator('#panel-data .json-key', { hasText: 'todos' }).click()
      await tab.page.locator('#panel-data details.json details').first().waitFor()
    })
    await shoot(browser, 'examples/sim-lab', 'simulator-controls.png', async tab => {
      await tab.page.click('#tab-bar button[data-route="pages/controls/controls"]')
      const page = await tab.top('pages/controls/controls')
      await page.locator('wx-input#name input').fill('Wren')
      await page.locator('wx-checkbox[value=pear]').click()
      await page.locator('wx-switch#notify').click()
      await page.locator('wx-text#events', { hasText: 'notify true' }).waitFor()
      await tab.page.click('.panel-tabs [data-panel=console]')
    })
    await shoot(browser, 'examples/sim-lab', 'simulator-modal.png', async tab => {
      const page = await tab.top('pages/index/index')
      await page.locator('wx-button#modal').click()
      await tab.page.locator('.dialog').waitFor()
      await tab.page.click('.panel-tabs [data-panel=storage]')
      await tab.page.locator('#panel-storage tr[data-key=launches]').waitFor()
    })
    // the UI-library showcases (npm install in each first): docs/images/showcase-*.png
    await shoot(browser, 'examples/vant', 'showcase-vant-basic.png', async tab => {
      const page = await tab.top('pages/basic/basic')
      await page.locator('wx-van-button#primary wx-button').waitFor()
    })
    await shoot(browser, 'examples/vant', 'showcase-vant-popup.png', async tab => {
      await (await tab.top('pages/basic/basic')).locator('wx-van-cell', { hasText: 'Feedback' }).click()
      const page = await tab.top('pages/feedback/feedback')
      await page.locator('wx-van-cell#open-popup wx-view >> nth=0').click()
      await page.locator('wx-van-popup#popup .popup-body').waitFor({ state: 'visible' })
    })
    await shoot(browser, 'examples/tdesign', 'showcase-tdesign-basic.png', async tab => {
      const page = await tab.top('pages/basic/basic')
      await page.locator('wx-t-button#primary').waitFor()
    })
  } finally {
    await browser.close()
  }
})()
