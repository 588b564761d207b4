// `./sparrow demo` for the browser suites: the simulator's URL, the backend's address (from what the command
// prints), what the backend received, and the backend's files fetched by their CDN host.
const http = require('node:http')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { startSparrow } = require('../../../../simulator/src/test/node/harness')

/** One GET to the backend with the Host a page's URL would give; resolves with the body as a Buffer. */
function get(backend, host, target) {
  const { hostname, port } = new URL(backend)
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: target, headers: { Host: host } }, res => {
      const chunks = []
      res.on('data', c => chunks.push(c))
      res.on('end', () => res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${target}: HTTP ${res.statusCode}`)))
    }).on('error', reject)
  })
}

/** Starts `./sparrow demo` (simulator on a free port, throw-away data); resolves once its URL is printed. */
async function startDemo(extraArgs = []) {
  const sim = await startSparrow('demo', extraArgs)
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-demo-suite-'))
  await sim.waitForOutput('demo backend: ')
  const line = sim.output.find(l => l.includes('demo backend: '))
  const backend = line.match(/demo backend: (http:\/\/\S+)/)[1]
  return {
    ...sim,
    backend,
    /** What the backend received so far: uploads, queries, fetches, messages. */
    received: async () => JSON.parse(await get(backend, new URL(backend).host, '/_received')),
    /** A CDN file written to a temp folder (to pick in a file chooser); resolves with its path. */
    cdnFile: async name => {
      const file = path.join(files, path.basename(name))
      fs.writeFileSync(file, await get(backend, 'cdn.example.com', name))
      return file
    },
    stop: async () => {
      await sim.stop()
      fs.rmSync(files, { recursive: true, force: true })
    }
  }
}

module.exports = { startDemo }
