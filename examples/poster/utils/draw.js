// The poster's drawing: plain CanvasRenderingContext2D calls on a 375×667 (CSS px) context, shared by the page and
// the benchmark that draws the same poster in Chromium (docs/benchmarks.md).
const W = 375
const H = 667
const TEXT = '麻雀虽小，五脏俱全。把小程序带到 JVM 上：逻辑层在 GraalJS 里运行，wx 接口按微信的规则实现，画布在 Java 里真正地画出每一个像素，海报导出以后还能保存到相册。'

/** Lines of `text` no wider than `width` (characters may break anywhere, as Chinese text does). */
function wrap(ctx, text, width) {
  const lines = []
  let line = ''
  for (const ch of text) {
    if (line && ctx.measureText(line + ch).width > width) {
      lines.push(line)
      line = ''
    }
    line += ch
  }
  if (line) lines.push(line)
  return lines
}

function drawPoster(ctx, images) {
  ctx.drawImage(images.bg, 0, 0, W, H)
  // card
  ctx.save()
  ctx.shadowColor = 'rgba(0, 0, 0, 0.15)'
  ctx.shadowBlur = 12
  ctx.shadowOffsetY = 4
  ctx.fillStyle = 'rgba(255, 255, 255, 0.94)'
  ctx.beginPath()
  ctx.roundRect(24, 120, W - 48, 500, 16)
  ctx.fill()
  ctx.restore()
  // avatar in a circle, with a ring
  ctx.save()
  ctx.beginPath()
  ctx.arc(W / 2, 120, 44, 0, Math.PI * 2)
  ctx.clip()
  ctx.drawImage(images.avatar, W / 2 - 44, 76, 88, 88)
  ctx.restore()
  ctx.beginPath()
  ctx.arc(W / 2, 120, 45, 0, Math.PI * 2)
  ctx.lineWidth = 3
  ctx.strokeStyle = '#ffffff'
  ctx.stroke()
  // name and title
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  ctx.fillStyle = '#1f1f1f'
  ctx.font = 'bold 20px sans-serif'
  ctx.fillText('小麻雀', W / 2, 176)
  ctx.font = '13px sans-serif'
  ctx.fillStyle = '#8c8c8c'
  ctx.fillText('邀请你一起体验 Sparrow', W / 2, 204)
  ctx.font = 'bold 26px sans-serif'
  ctx.fillStyle = '#07c160'
  ctx.fillText('小程序也能跑在 JVM 上', W / 2, 236)
  // the paragraph, wrapped
  ctx.textAlign = 'left'
  ctx.font = '15px sans-serif'
  ctx.fillStyle = '#434343'
  const lines = wrap(ctx, TEXT, W - 96)
  lines.forEach((l, i) => ctx.fillText(l, 48, 284 + i * 24))
  // decorations: 50 small paths along a wave
  for (let i = 0; i < 50; i++) {
    ctx.beginPath()
    const x = 40 + i * 6
    ctx.arc(x, 420 + Math.sin(i / 4) * 8, 2 + (i % 3), 0, Math.PI * 2)
    ctx.fillStyle = i % 2 ? '#95de64' : '#5cdbd3'
    ctx.fill()
  }
  // QR code and its caption
  ctx.drawImage(images.qr, 40, 460, 120, 120)
  ctx.fillStyle = '#262626'
  ctx.font = 'bold 16px sans-serif'
  ctx.fillText('长按识别小程序码', 176, 490)
  ctx.font = '13px sans-serif'
  ctx.fillStyle = '#8c8c8c'
  ctx.fillText('离线运行 · 真实像素', 176, 516)
  ctx.fillText('2026 · 分享海报示例', 176, 540)
  return lines.length
}

module.exports = { W, H, drawPoster }
