// Another web page open in the same browser cannot drive the session, and the simulator serves nothing outside
// the session's sandbox and the project package.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const { startSimulator, launchBrowser, openSimulator } = require('./harness')

let browser, sim, evil, evilUrl
before(async () => {
  browser = await launchBrowser()
  sim = await startSimulator('examples/todo')
  const port = new URL(sim.url).port
  evil = http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html')
    res.end(`<!doctype html><script>
      window.result = new Promise(resolve => {
        const ws = new WebSocket('ws://127.0.0.1:${port}/ws')
        ws.onopen = () => { ws.send(JSON.stringify({ t: 'back' })); resolve('open') }
        ws.onerror = () => resolve('refused')
      })
    </script>`)
  })
  await new Promise(r => evil.listen(0, '127.0.0.1', r))
  evilUrl = `http://127.0.0.1:${evil.address().port}/`
})
after(async () => { evil?.close(); await sim?.stop(); await browser?.close() })

test('a page of another origin cannot open the simulator WebSocket', async () => {
  const page = await browser.newPage()
  await page.goto(evilUrl)
  assert.equal(await page.evaluate(() => window.result), 'refused')
  await page.close()
})

test('the simulator page itself connects', async () => {
  const tab = await openSimulator(browser, sim.url)
  assert.equal(await tab.page.textContent('#status'), 'connected')
  await tab.close()
})

test('no file outside the sandbox and the package is served', async () => {
  const page = await browser.newPage()
  await page.goto(sim.url)
  const statuses = await page.evaluate(async () => {
    const paths = ['/app.json', '../quickstart/app.json', '/../../pom.xml', '/etc/passwd', 'wxfile://usr/../../../etc/passwd',
      'wxfile://tmp_../../x', 'file:///etc/passwd']
    const out = {}
    for (const p of paths) out[p] = (await fetch('/files?path=' + encodeURIComponent(p))).status
    return out
  })
  assert.deepEqual(statuses, {
    '/app.json': 200, '../quickstart/app.json': 404, '/../../pom.xml': 404, '/etc/passwd': 404,
    'wxfile://usr/../../../etc/passwd': 404, 'wxfile://tmp_../../x': 404, 'file:///etc/passwd': 404
  })
  await page.close()
})
