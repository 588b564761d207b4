// A _commons-style bundle: top-level declarations named like the globals WeChat hides from modules.
const commons = require('./lib/commons')

App({
  globalData: { commons: commons.describe() }
})
