// Scenes drawn with the CanvasRenderingContext2D API on a 300×200 (CSS px) canvas. The same functions draw
// headless (Java) and in the browser, and the tests compare the two.
function shapes(ctx) {
  ctx.fillStyle = '#fffbe6'
  ctx.fillRect(0, 0, 300, 200)
  ctx.fillStyle = 'rgb(7, 193, 96)'
  ctx.fillRect(20, 20, 80, 60)
  ctx.strokeStyle = '#1989fa'
  ctx.lineWidth = 6
  ctx.lineJoin = 'round'
  ctx.strokeRect(120, 20, 70, 60)
  ctx.beginPath()
  ctx.arc(250, 50, 30, 0, Math.PI * 1.5)
  ctx.lineTo(250, 50)
  ctx.closePath()
  ctx.fillStyle = 'tomato'
  ctx.fill()
  ctx.beginPath()
  ctx.moveTo(20, 170)
  ctx.bezierCurveTo(60, 100, 120, 200, 160, 120)
  ctx.quadraticCurveTo(200, 80, 280, 170)
  ctx.lineWidth = 4
  ctx.lineCap = 'round'
  ctx.setLineDash([12, 6])
  ctx.strokeStyle = '#722ed1'
  ctx.stroke()
  ctx.setLineDash([])
  ctx.beginPath()
  ctx.ellipse(90, 140, 40, 18, Math.PI / 8, 0, Math.PI * 2)
  ctx.fillStyle = 'rgba(255, 0, 128, 0.5)'
  ctx.fill()
}

function paints(ctx, images) {
  const g = ctx.createLinearGradient(0, 0, 300, 0)
  g.addColorStop(0, '#ff7a45')
  g.addColorStop(0.5, '#ffd666')
  g.addColorStop(1, '#36cfc9')
  ctx.fillStyle = g
  ctx.fillRect(0, 0, 300, 100)
  const r = ctx.createRadialGradient(80, 150, 0, 80, 150, 45)
  r.addColorStop(0, '#ffffff')
  r.addColorStop(1, '#1d39c4')
  ctx.fillStyle = r
  ctx.beginPath()
  ctx.arc(80, 150, 45, 0, Math.PI * 2)
  ctx.fill()
  if (images.tile) {
    ctx.fillStyle = ctx.createPattern(images.tile, 'repeat')
    ctx.fillRect(150, 110, 130, 80)
  }
  ctx.globalAlpha = 0.5
  ctx.fillStyle = '#000'
  ctx.fillRect(200, 20, 80, 160)
  ctx.globalAlpha = 1
}

function pictures(ctx, images) {
  ctx.fillStyle = '#e6f7ff'
  ctx.fillRect(0, 0, 300, 200)
  if (images.avatar) {
    ctx.save()
    ctx.beginPath()
    ctx.arc(60, 60, 40, 0, Math.PI * 2)
    ctx.clip()
    ctx.drawImage(images.avatar, 20, 20, 80, 80)
    ctx.restore()
    ctx.drawImage(images.avatar, 24, 24, 48, 48, 130, 20, 60, 60)
    ctx.save()
    ctx.translate(240, 140)
    ctx.rotate(Math.PI / 6)
    ctx.drawImage(images.avatar, -30, -30, 60, 60)
    ctx.restore()
  }
  ctx.save()
  ctx.translate(60, 150)
  ctx.scale(2, 1)
  ctx.fillStyle = '#fa541c'
  ctx.fillRect(-20, -20, 40, 40)
  ctx.restore()
}

function text(ctx) {
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, 300, 200)
  ctx.fillStyle = '#222222'
  ctx.font = '24px sans-serif'
  ctx.textBaseline = 'top'
  ctx.fillText('Sparrow 麻雀', 10, 10)
  ctx.font = 'bold 20px sans-serif'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#cf1322'
  ctx.fillText('海报 Poster 2026', 10, 70)
  ctx.font = '16px sans-serif'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = '#096dd9'
  ctx.fillText('居中的一行文字', 150, 120)
  ctx.textAlign = 'right'
  ctx.strokeStyle = '#389e0d'
  ctx.lineWidth = 1
  ctx.font = '28px sans-serif'
  ctx.strokeText('右对齐', 290, 170)
}

function effects(ctx) {
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, 300, 200)
  ctx.shadowColor = 'rgba(0, 0, 0, 0.5)'
  ctx.shadowBlur = 8
  ctx.shadowOffsetX = 6
  ctx.shadowOffsetY = 6
  ctx.fillStyle = '#13c2c2'
  ctx.fillRect(20, 20, 100, 70)
  ctx.shadowColor = 'rgba(0, 0, 0, 0)'
  ctx.fillStyle = '#f5222d'
  ctx.beginPath()
  ctx.arc(200, 70, 45, 0, Math.PI * 2)
  ctx.fill()
  ctx.globalCompositeOperation = 'multiply'
  ctx.fillStyle = '#fadb14'
  ctx.beginPath()
  ctx.arc(240, 90, 45, 0, Math.PI * 2)
  ctx.fill()
  ctx.globalCompositeOperation = 'source-over'
  ctx.fillStyle = '#2f54eb'
  ctx.fillRect(40, 120, 120, 60)
  ctx.globalCompositeOperation = 'destination-out'
  ctx.beginPath()
  ctx.arc(100, 150, 20, 0, Math.PI * 2)
  ctx.fill()
  ctx.globalCompositeOperation = 'source-over'
}

module.exports = { names: ['shapes', 'paints', 'pictures', 'text', 'effects'], shapes, paints, pictures, text, effects }
