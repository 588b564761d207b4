// The topic list: one entry per page, grouped as WeChat's API documentation groups them.
Page({
  data: {
    groups: [
      {
        title: 'Network',
        topics: [
          { id: 'request', name: 'Fetch an HTML page', apis: 'wx.request' },
          { id: 'postcode', name: 'Postcode query', apis: 'wx.request GET / POST · showToast' },
          { id: 'upload', name: 'Upload a photo', apis: 'chooseImage · uploadFile' },
          { id: 'download', name: 'Download a picture', apis: 'downloadFile · progress' },
          { id: 'socket', name: 'WebSocket echo chat', apis: 'SocketTask · legacy socket globals' }
        ]
      },
      {
        title: 'Media',
        topics: [
          { id: 'images', name: 'Pictures', apis: 'choose · preview · getImageInfo · save' },
          { id: 'voice', name: 'Voice memo (legacy)', apis: 'startRecord · playVoice' },
          { id: 'music', name: 'Music player (legacy)', apis: 'playBackgroundAudio · seek' },
          { id: 'recorder', name: 'Recorder', apis: 'RecorderManager' },
          { id: 'audio', name: 'Sound player', apis: 'InnerAudioContext' },
          { id: 'bgm', name: 'Background audio', apis: 'BackgroundAudioManager' }
        ]
      },
      {
        title: 'Files',
        topics: [
          { id: 'files', name: 'Saved files & documents', apis: 'saveFile · openDocument' },
          { id: 'fs', name: 'Notes on disk', apis: 'FileSystemManager' }
        ]
      }
    ]
  },

  onLoad() {
    const { model, screenWidth, screenHeight } = wx.getSystemInfoSync()
    this.setData({ device: `${model} · ${screenWidth}×${screenHeight}` })
  }
})
