const h = require('/work/wt/h/simulator/src/test/node/harness.js')
;(async () => {
  const sim = await h.startSimulator('examples/canvas-lab')
  const browser = await h.launchBrowser()
  const s = await h.openSimulator(browser, sim.url)
  const top = await s.top()
  await top.locator('#state').filter({ hasText: 'drawn' }).waitFor()
  for (const scene of ['shapes', 'paints', 'pictures', 'text', 'effects']) {
    await top.locator('.tab', { hasText: scene }).click()
    await top.locator('#state').filter({ hasText: 'drawn ' + scene }).waitFor()
    await s.page.waitForTimeout(500)
    await s.page.screenshot({ path: `/tmp/sim-${scene}.png` })
    const path = await top.locator('#path').textContent()
    const resp = await s.page.request.get(sim.url.replace(/\/$/, '') + '/files?path=' + encodeURIComponent(path))
    require('fs').writeFileSync(`/tmp/java-${scene}.png`, await resp.body())
  }
  console.log('errors', s.errors)
  await browser.close(); await sim.stop()
})().catch(e => { console.error(e); process.exit(1) })
