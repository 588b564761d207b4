// The Chromium side of docs/benchmarks.md's canvas frame ratio: examples/poster's drawing (utils/draw.js, the very
// file the mini program requires) on a 750×1334 canvas in Debian's headless Chromium, each frame forced to the
// pixels with getImageData(0, 0, 1, 1) as the headless run does. Prints the median of 30 frames after 10.
const fs = require('node:fs')
const path = require('node:path')
const { repo, launchBrowser } = require('./harness')

;(async () => {
  const poster = path.join(repo, 'examples/poster')
  const source = fs.readFileSync(path.join(poster, 'utils/draw.js'), 'utf8')
  const font = fs.readFileSync(path.join(repo, 'apis/src/main/resources/dev/sparrow/apis/canvas/wqy-microhei-gb2312.ttf')).toString('base64')
  const images = {}
  for (const name of ['bg', 'avatar', 'qr']) images[name] = 'data:image/png;base64,' + fs.readFileSync(path.join(poster, 'images', name + '.png')).toString('base64')
  const browser = await launchBrowser()
  const page = await (await browser.newContext()).newPage()
  await page.setContent('<canvas width="750" height="1334"></canvas>')
  const times = await page.evaluate(async ({ source, font, images }) => {
    const face = new FontFace('sans-serif-sparrow', `url(data:font/ttf;base64,${font})`)
    document.fonts.add(face)
    await face.load()
    const module = { exports: {} }
    new Function('module', 'exports', source)(module, module.exports)
    const { W, H, drawPoster } = module.exports
    const loaded = {}
    for (const [k, v] of Object.entries(images)) { const i = new Image(); i.src = v; await i.decode(); loaded[k] = i }
    const ctx = document.querySelector('canvas').getContext('2d')
    ctx.scale(2, 2)
    const out = []
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now()
      ctx.clearRect(0, 0, W, H)
      drawPoster(ctx, loaded)
      ctx.getImageData(0, 0, 1, 1)
      if (i >= 10) out.push(performance.now() - t0)
    }
    return out.sort((a, b) => a - b)
  }, { source, font, images })
  console.log(`poster frame in headless Chromium: median ${times[times.length >> 1].toFixed(1)} ms (p90 ${times[Math.floor(times.length * 0.9)].toFixed(1)})`)
  await browser.close()
})().catch(e => { console.error(e); process.exit(1) })
