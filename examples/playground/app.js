App({
  errors: [],
  rejections: [],
  onError(message) { this.errors.push(message) },
  onUnhandledRejection(res) { this.rejections.push(String(res.reason)) }
})
