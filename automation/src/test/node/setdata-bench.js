// setData as a user's page meets it, through ./sparrow and the real client: page JS calls this.setData(change, cb)
// and times setData → callback with Date.now() (the logic layer has no finer clock), in examples/sim-lab's 1,000-row
// page (one row's title; the whole list refilled) and its page of 200 custom components (one card's value property).
// Each call's Date.now() difference is whole milliseconds, so the mean over a chain of calls (the next setData in the
// callback) is reported beside the median. Run after a build: node automation/src/test/node/setdata-bench.js [rounds]
const { launch } = require('./launch')

const rounds = Number(process.argv[2] || 300)

/** Runs in the app service: n setData calls of one kind, chained through their callbacks. */
function start (kind, n) {
  const page = getCurrentPages()[getCurrentPages().length - 1]
  const fresh = (tag) => {
    const rows = []
    for (let i = 0; i < 1000; i++) rows.push({ id: i, title: tag + ' ' + i, price: i % 50, qty: 2, done: i % 7 === 0 })
    return rows
  }
  const app = getApp()
  app.setDataBench = null
  // a new value each phase, so that the counted phase changes what the warm-up set (one patch per call)
  const turn = app.setDataTurn = (app.setDataTurn || 0) + 1
  const samples = []
  let i = 0
  const t0 = Date.now()
  const next = () => {
    if (i === n) {
      app.setDataBench = { samples, total: Date.now() - t0 }
      return
    }
    const change = kind === 'row' ? { ['rows[' + ((i * 389) % 1000) + '].title']: 'Tapped ' + i + '.' + turn }
      : kind === 'card' ? { ['items[' + ((i * 67) % 200) + '].value']: i + 1000 * turn }
        : { rows: fresh('R' + i) }
    i++
    const s = Date.now()
    page.setData(change, () => { samples.push(Date.now() - s); next() })
  }
  next()
}

async function measure (miniProgram, route, kind, n) {
  await miniProgram.reLaunch(route)
  for (const counted of [false, true]) {
    await miniProgram.evaluate(start, kind, n)
    let result = null
    while (result === null) {
      await new Promise(resolve => setTimeout(resolve, 100))
      result = await miniProgram.evaluate(() => getApp().setDataBench)
    }
    if (counted) {
      const s = result.samples.sort((a, b) => a - b)
      console.log(`${kind}: ${n} setData → callback, Date.now() in the page: median ${s[n >> 1]} ms, ` +
        `p90 ${s[Math.floor(n * 0.9)]} ms, mean ${(result.total / n).toFixed(2)} ms (chained, ${result.total} ms)`)
    }
  }
}

async function main () {
  const miniProgram = await launch('examples/sim-lab')
  try {
    await measure(miniProgram, '/pages/rows/rows', 'row', rounds)
    await measure(miniProgram, '/pages/rows/rows', 'fill', Math.max(20, rounds / 5))
    await measure(miniProgram, '/pages/cards/cards', 'card', rounds)
  } finally {
    await miniProgram.close()
  }
}

main().catch(e => { console.error(e); process.exit(1) })
