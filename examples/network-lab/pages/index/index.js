// Helpers the tests call through Session.evaluate; each returns a Promise of what the page saw.
const app = getApp();

Page({
  data: { status: 'idle' },

  /** wx.request with callbacks; resolves with ['success'|'fail', res, events...]. */
  request(options) {
    return new Promise((resolve) => {
      const seen = [];
      const task = wx.request(Object.assign({}, options, {
        success: (res) => seen.unshift('success', res),
        fail: (err) => seen.unshift('fail', err),
        complete: () => resolve(seen)
      }));
      if (!task) return; // a parameter error returns no task
      task.onHeadersReceived((res) => seen.push({ headers: res }));
      if (options.enableChunked) task.onChunkReceived((res) => seen.push({ chunk: res.data.byteLength }));
      this.lastTask = task;
    });
  }
});
