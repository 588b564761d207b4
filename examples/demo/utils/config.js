// The servers this mini program talks to. Each host is in the app's domain whitelist
// ("服务器域名" in the admin console) for the API family that uses it.
module.exports = {
  // request: an HTML page, and Juhe's postcode API (GET or POST, key from the Juhe console)
  HOME_PAGE: 'https://www.baidu.com/',
  POSTCODE_API: 'https://v.juhe.cn/postcode/query',
  JUHE_KEY: '3c2f0e6a9b8d4f17a5e2c1b0d9f8e7a6',
  // uploadFile: our API reports what it received
  UPLOAD_URL: 'https://api.example.com/upload',
  // downloadFile (also used by images and audio): our CDN
  CDN: 'https://cdn.example.com',
  // socket: a public echo service
  ECHO_URL: 'wss://echo.websocket.org'
}
