// How every file of this suite starts Sparrow: automator.launch with ./sparrow as DevTools' CLI, a project of this
// repository, a port of its own and a throw-away data folder, as a DevTools suite would be launched.
const path = require('node:path')
const automator = require('miniprogram-automator')

const repo = path.resolve(__dirname, '../../../..')

function freePort() {
  return 20000 + Math.floor(Math.random() * 20000)
}

/** Starts `./sparrow auto` on `project` (relative to the repository) and resolves with the client's MiniProgram. */
function launch(project, { port = freePort(), args = [] } = {}) {
  return automator.launch({
    cliPath: path.join(repo, 'sparrow'),
    projectPath: path.join(repo, project),
    port,
    args: ['--data-dir', 'temp', ...args],
    timeout: 120000
  })
}

module.exports = { repo, launch, freePort }
