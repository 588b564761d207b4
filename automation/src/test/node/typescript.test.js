// examples/typescript (issue 13) through the official client: TypeScript + Sass compiled by useCompilerPlugins, a
// component written in TypeScript, and a module that imports the pure ES-module npm package pretty-bytes, which
// examples/typescript/setup installs (Sparrow builds miniprogram_npm from it when `sparrow auto` launches).
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const path = require('node:path')

const { repo, launch } = require('./launch')
let miniProgram

before(async () => {
  execFileSync('bash', [path.join(repo, 'examples/typescript/setup')], { stdio: 'inherit' })
  miniProgram = await launch('examples/typescript')
}, { timeout: 180000 })

after(async () => {
  if (miniProgram) await miniProgram.close()
})

test('the page shows a size computed by the npm ES module, and the TypeScript component counts taps', async () => {
  const page = await miniProgram.reLaunch('/pages/index/index')
  assert.equal(page.path, 'pages/index/index')
  assert.equal(await page.data('size'), '1.34 kB')
  assert.equal(await (await page.$('.size')).text(), '1.34 kB')
  const counter = await page.$('#counter')
  await (await counter.$('.counter')).tap()
  await page.waitFor(async () => (await page.data('label')) === '5 taps')
  assert.equal(await page.data('total'), 5)
})
