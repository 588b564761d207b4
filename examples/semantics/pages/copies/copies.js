// Objects in a page definition are copied for each page instance, as WeChat's framework does (simpleDeepCopy).
class Point {
  constructor(x) { this.x = x }
  twice() { return this.x * 2 }
}

Page({
  fs: wx.getFileSystemManager(),
  audio: wx.createInnerAudioContext(),
  data: {
    when: new Date(0),
    point: new Point(2),
    nothing: undefined,
    list: [1, { deep: true }],
    format: function (v) { return '#' + v }
  },
  describe() {
    const d = this.data
    return {
      when: Object.prototype.toString.call(d.when) + ' ' + JSON.stringify(d.when),
      point: typeof d.point.twice + ' ' + d.point.x,
      nothing: 'nothing' in d ? typeof d.nothing : 'absent',
      list: JSON.stringify(d.list),
      format: typeof d.format === 'function' ? d.format(1) : 'lost',
      fs: typeof this.fs.readFileSync,
      audio: typeof this.audio.play
    }
  },
  keep(value) {
    this.setData({ kept: value })
    return this.data.kept === value
  }
})
