const fs = wx.getFileSystemManager()

Page({
  data: { notes: [] },
  /** Writes a note under USER_DATA_PATH and lists the notes (used by the persistence tests). */
  addNote(name, text) {
    fs.writeFileSync(`${wx.env.USER_DATA_PATH}/${name}`, text, 'utf8')
    this.setData({ notes: fs.readdirSync(wx.env.USER_DATA_PATH) })
  }
})
