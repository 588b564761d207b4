// Keeps docs/compatibility.md's table of client methods true (issue 20): it lists exactly the public methods of the
// installed miniprogram-automator (read from its typings), each with a status, and every method is called by some
// file of this suite. No Sparrow is started here.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')

const repo = path.resolve(__dirname, '../../../..')
const typings = path.dirname(require.resolve('miniprogram-automator'))
const heading = '### Automation: every client method'
const statuses = new Set(['yes', 'part', 'n/a'])
// The classes a suite meets (Connection, Launcher and Transport are the client's plumbing)
const publicFiles = ['Automator', 'MiniProgram', 'Page', 'Element', 'Native'].map(c => c + '.d.ts')

/** Class.method for each public instance method the client's typings declare. */
function clientMethods() {
  const names = new Set()
  for (const file of publicFiles) {
    let owner = null
    for (const line of fs.readFileSync(path.join(typings, file), 'utf8').split('\n')) {
      const declared = /^export (?:default |declare )?class (\w+)/.exec(line)
      if (declared) {
        owner = declared[1]
        continue
      }
      if (line.startsWith('}')) owner = null
      const method = /^ {4}(?!private |protected |static |constructor)(\$\$?|\w+)\(/.exec(line)
      if (owner && method) names.add(owner + '.' + method[1])
    }
  }
  return names
}

/** Rows of the docs table: Class.method → status. */
function documented() {
  const docs = fs.readFileSync(path.join(repo, 'docs/compatibility.md'), 'utf8')
  const start = docs.indexOf(heading)
  assert.notEqual(start, -1, 'docs/compatibility.md has no section "' + heading + '"')
  const section = docs.slice(start).split('\n### ')[0]
  const rows = new Map()
  for (const line of section.split('\n')) {
    const row = /^\| `([\w$]+\.[\w$]+)` \| ([^|]+) \|/.exec(line)
    if (row) rows.set(row[1], row[2].trim())
  }
  return rows
}

test('the table lists every public method of the client, and only those', () => {
  const methods = [...clientMethods()].sort()
  assert.ok(methods.length >= 80, 'found only ' + methods.length + ' methods in ' + typings)
  assert.deepEqual([...documented().keys()].sort(), methods)
})

test('each method has a status: yes, part or n/a', () => {
  for (const [method, status] of documented()) {
    assert.ok(statuses.has(status), method + ' has status "' + status + '"')
  }
})

test('every method is called by the suite', () => {
  const suite = fs.readdirSync(__dirname)
    .filter(f => f.endsWith('.test.js') && f !== path.basename(__filename))
    .map(f => fs.readFileSync(path.join(__dirname, f), 'utf8'))
    .join('\n')
  const uncalled = [...documented().keys()].filter(m => {
    const name = m.split('.')[1]
    return !suite.includes('.' + name + '(') && !suite.includes("'" + name + "'")
  })
  assert.deepEqual(uncalled, [])
})
