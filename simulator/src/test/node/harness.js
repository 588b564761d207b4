// Starts `./sparrow run PROJECT` (the real launcher, as a person would) and Debian's Chromium through
// playwright-core. No sleeps: every wait is on something the page or the process shows.
const { spawn } = require('node:child_process')
const path = require('node:path')
const readline = require('node:readline')
const { chromium } = require('playwright-core')

const repo = path.resolve(__dirname, '../../../..')
const CHROMIUM = process.env.SPARROW_CHROMIUM || '/usr/bin/chromium'
// The flags known to work on this machine's closed network (see the machine notes), plus fake media devices.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required']

// Simulators still running when this process ends (a failed or interrupted run) are stopped with it.
const children = new Set()
process.on('exit', () => { for (const c of children) c.kill('SIGKILL') })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))

/** Runs `./sparrow run <project>` on a free loopback port; resolves when it prints the simulator's URL. */
function startSimulator(project, extraArgs = []) {
  return startSparrow('run', [path.join(repo, project), ...extraArgs])
}

/** Runs `./sparrow <command> <args>` with the simulator on a free loopback port (`run`, `demo`); resolves with its URL. */
function startSparrow(command, commandArgs = []) {
  const args = [command, ...commandArgs, '--port', '0', '--no-open', '--data-dir', 'temp']
  const child = spawn(path.join(repo, 'sparrow'), args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } })
  children.add(child)
  child.once('exit', () => children.delete(child))
  const output = []
  const lines = readline.createInterface({ input: child.stdout })
  readline.createInterface({ input: child.stderr }).on('line', l => { output.push(l); if (process.env.SPARROW_DEBUG) console.error(l) })
  return new Promise((resolve, reject) => {
    let running = false
    lines.on('line', line => {
      output.push(line)
      const m = line.match(/simulator: (http:\/\/\S+)/)
      if (m) resolve({
        url: m[1],
        output,
        waitForOutput: text => new Promise(r => { const t = setInterval(() => { if (output.some(l => l.includes(text))) { clearInterval(t); r() } }, 20) }),
        stop: () => new Promise(r => { if (child.exitCode !== null) return r(); child.once('exit', r); child.kill('SIGTERM') })
      })
      if (/running /.test(line)) running = true
    })
    child.once('exit', code => { if (!running) reject(new Error(`sparrow exited with ${code}:\n${output.join('\n')}`)) })
  })
}

async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
}

/** A new tab on the simulator, with helpers for the page frames. */
async function openSimulator(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, permissions: ['microphone', 'camera'] })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', e => errors.push(e))
  await page.goto(url)
  await page.waitForSelector('#status.ok')
  await page.waitForSelector('#pages iframe:not(.hidden)')
  return {
    page,
    errors,
    /** The frame of the page on top (optionally of a route). */
    top: async route => {
      const selector = route ? `iframe[data-route="${route}"]:not(.hidden)` : 'iframe:not(.hidden)'
      await page.waitForSelector('#pages ' + selector)
      return page.frameLocator('#pages ' + selector)
    },
    close: () => context.close()
  }
}

module.exports = { repo, startSimulator, startSparrow, launchBrowser, openSimulator, FLAGS, CHROMIUM }
