// Automation numbers with the real client: cold launch to the first currentPage() answer, and the
// round trip of page.data() on loopback. Run: automation/src/test/node/run-bench (after a build).
const path = require('node:path')
const automator = require('miniprogram-automator')

const repo = path.resolve(__dirname, '../../../..')
const CLIENT_SLEEP_MS = 5000 // Launcher.launch always sleeps 5 s after connecting (miniprogram-automator 0.12.1)

async function main () {
  const t0 = process.hrtime.bigint()
  const miniProgram = await automator.launch({
    cliPath: path.join(repo, 'sparrow'),
    projectPath: path.join(repo, 'examples/quickstart'),
    port: 20000 + Math.floor(Math.random() * 20000),
    args: ['--data-dir', 'temp']
  })
  const page = await miniProgram.currentPage()
  const launchMs = Number(process.hrtime.bigint() - t0) / 1e6
  for (let i = 0; i < 200; i++) await page.data()
  const samples = []
  for (let i = 0; i < 1000; i++) {
    const s = process.hrtime.bigint()
    await page.data()
    samples.push(Number(process.hrtime.bigint() - s) / 1e6)
  }
  samples.sort((a, b) => a - b)
  const pct = p => samples[Math.floor(samples.length * p)].toFixed(3)
  console.log(`automator.launch -> first currentPage(): ${launchMs.toFixed(0)} ms ` +
    `(${(launchMs - CLIENT_SLEEP_MS).toFixed(0)} ms without the client's fixed ${CLIENT_SLEEP_MS} ms sleep)`)
  console.log(`page.data() round trip over 1000 calls: median ${pct(0.5)} ms, p90 ${pct(0.9)} ms, p99 ${pct(0.99)} ms`)
  await miniProgram.close()
}

main().catch(e => { console.error(e); process.exit(1) })
