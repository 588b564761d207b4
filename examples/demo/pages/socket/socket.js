// An echo chat over a WebSocket, written twice: with the SocketTask that wx.connectSocket returns, and
// with the legacy globals (wx.onSocketOpen, wx.sendSocketMessage, wx.onSocketMessage, wx.closeSocket).
const { ECHO_URL } = require('../../utils/config')

let nextId = 1

Page({
  data: { mode: 'task', state: 'closed', draft: '', messages: [] },

  onUnload() {
    this.disconnect()
  },

  chooseMode(e) {
    const mode = e.currentTarget.dataset.mode
    if (mode === this.data.mode) return
    this.disconnect()
    this.task = null
    this.setData({ mode, messages: [], state: 'closed' })
  },

  connect() {
    if (this.data.state !== 'closed') return
    this.setData({ state: 'connecting' })
    if (this.data.mode === 'task') this.connectTask()
    else this.connectLegacy()
  },

  connectTask() {
    const task = wx.connectSocket({ url: ECHO_URL })
    this.task = task
    const mine = fn => (...args) => { if (this.task === task) fn(...args) }
    task.onOpen(mine(() => this.opened()))
    task.onMessage(mine(({ data }) => this.received(data)))
    task.onError(mine(({ errMsg }) => this.note('error: ' + errMsg)))
    task.onClose(mine(({ code }) => this.closed(code)))
  },

  connectLegacy() {
    // the globals follow the latest socket, a SocketTask's too: only listen while in legacy mode
    const legacy = fn => (...args) => { if (this.data.mode === 'legacy') fn(...args) }
    wx.onSocketOpen(legacy(() => this.opened()))
    wx.onSocketMessage(legacy(({ data }) => this.received(data)))
    wx.onSocketError(legacy(({ errMsg }) => this.note('error: ' + errMsg)))
    wx.onSocketClose(legacy(({ code }) => this.closed(code)))
    wx.connectSocket({ url: ECHO_URL, fail: ({ errMsg }) => this.note(errMsg) })
  },

  disconnect() {
    if (this.data.state === 'closed') return
    if (this.data.mode === 'task' && this.task) this.task.close({ code: 1000, reason: 'bye' })
    else wx.closeSocket({ code: 1000, reason: 'bye' })
  },

  onDraft(e) {
    this.setData({ draft: e.detail.value })
  },

  send() {
    const text = this.data.draft.trim()
    if (!text || this.data.state !== 'open') return
    const sent = () => this.push('me', text)
    const failed = ({ errMsg }) => this.note(errMsg)
    if (this.data.mode === 'task') this.task.send({ data: text, success: sent, fail: failed })
    else wx.sendSocketMessage({ data: text, success: sent, fail: failed })
    this.setData({ draft: '' })
  },

  opened() {
    this.setData({ state: 'open' })
    this.note('connected to ' + ECHO_URL)
  },

  received(data) {
    this.push('echo', typeof data === 'string' ? data : `<${data.byteLength} bytes>`)
  },

  closed(code) {
    this.task = null
    this.setData({ state: 'closed' })
    this.note('closed (' + code + ')')
  },

  note(text) {
    this.push('note', text)
  },

  push(from, text) {
    const messages = this.data.messages.concat({ id: nextId++, from, text })
    this.setData({ messages, lastId: 'm' + messages[messages.length - 1].id })
  }
})
