// Simulator numbers for docs/benchmarks.md. Run: simulator/src/test/node/run bench
//  1. cold start: `./sparrow demo` and `./sparrow run` (a new JVM on a built tree) → first page painted in a tab opened
//     when the URL prints;
//  2. one-row setData in the 1,000-row list (examples/sim-lab pages/rows): tap → logic layer → patch → DOM updated,
//     timed in the page with performance.now() from the event's send to the patch applied.
const { startSimulator, startSparrow, launchBrowser, openSimulator } = require('./harness')

const COLD_RUNS = Number(process.env.COLD_RUNS || 5)
const TAPS = Number(process.env.TAPS || 200)

function stats(xs) {
  const s = xs.slice().sort((a, b) => a - b)
  const q = p => s[Math.min(s.length - 1, Math.floor(p * s.length))]
  return { n: s.length, median: q(0.5), p90: q(0.9), min: s[0], max: s[s.length - 1] }
}

const fmt = o => Object.entries(o).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(1) : v}`).join(', ')

async function coldStart(browser, start) {
  const times = []
  for (let i = 0; i < COLD_RUNS; i++) {
    // the person's browser is already open: the tab exists before the command starts
    const context = await browser.newContext()
    const page = await context.newPage()
    const t0 = Date.now()
    const sim = await start()
    await page.goto(sim.url)
    await page.waitForFunction(() => window.__sparrow && window.__sparrow.perf.firstPaint > 0, null, { timeout: 30000 })
    const painted = await page.evaluate(() => performance.timeOrigin + window.__sparrow.perf.firstPaint)
    times.push(painted - t0)
    await context.close()
    await sim.stop()
  }
  return stats(times)
}

async function oneRowSetData(browser) {
  const sim = await startSimulator('examples/sim-lab', ['--launch', 'pages/rows/rows'])
  const tab = await openSimulator(browser, sim.url)
  const rows = await tab.top('pages/rows/rows')
  await rows.locator('wx-view.row >> nth=999').waitFor({ state: 'attached' })
  const frame = tab.page.frames().find(f => f.url() === 'about:blank' && f !== tab.page.mainFrame())
  // taps as the gesture layer sends them, without Playwright's actionability work in between
  const measured = await tab.page.evaluate(async taps => {
    const sim = window.__sparrow
    const page = sim.top()
    const rows = Array.from(page.doc.querySelectorAll('wx-view.row'))
    const out = []
    for (let i = 0; i < taps; i++) {
      const row = rows[(i * 37) % rows.length]
      const title = row.querySelector('wx-text.title')
      const before = title.textContent
      const applied = new Promise(resolve => {
        const observer = new MutationObserver(() => { if (title.textContent !== before) { observer.disconnect(); resolve(performance.now()) } })
        observer.observe(title, { characterData: true, subtree: true, childList: true })
      })
      const sent = performance.now()
      page.send(row, 'tap', { x: 10, y: 10 })
      out.push((await applied) - sent)
    }
    return out
  }, TAPS)
  void frame
  await tab.close()
  await sim.stop()
  return stats(measured.slice(10)) // the first taps warm the JIT up
}

;(async () => {
  const browser = await launchBrowser()
  try {
    const demo = await coldStart(browser, () => startSparrow('demo'))
    console.log(`./sparrow demo: cold start → first paint (ms, ${COLD_RUNS} runs): ${fmt(demo)}`)
    const simLab = await coldStart(browser, () => startSimulator('examples/sim-lab'))
    console.log(`./sparrow run examples/sim-lab: cold start → first paint (ms, ${COLD_RUNS} runs): ${fmt(simLab)}`)
    console.log(`one-row setData in 1,000 rows, tap → DOM updated (ms): ${fmt(await oneRowSetData(browser))}`)
  } finally {
    await browser.close()
  }
})()
