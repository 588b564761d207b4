// What DevTools' compiled _commons bundles start with: names WeChat passes as undefined module parameters,
// declared again at the top level of the file.
const self = this
let window = { name: 'bundle window' }
let document = null
const location = 'here'
class navigator { static kind() { return 'class' } }

module.exports = {
  describe() {
    return { self: typeof self, window: window.name, document: String(document), location: location, navigator: navigator.kind() }
  }
}
