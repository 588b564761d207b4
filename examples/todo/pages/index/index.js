Page({
  data: {
    draft: '',
    todos: [],
    nextId: 1,
    profile: null
  },
  onDraft(e) {
    this.setData({ draft: e.detail.value })
  },
  add() {
    const title = this.data.draft.trim()
    if (!title) {
      wx.showToast({ title: 'Empty', icon: 'none' })
      return
    }
    const todos = this.data.todos.concat([{ id: this.data.nextId, title, done: false }])
    this.setData({ todos, draft: '', nextId: this.data.nextId + 1 })
  },
  toggle(e) {
    const index = this.data.todos.findIndex(t => t.id === e.currentTarget.dataset.todoId)
    this.setData({ [`todos[${index}].done`]: !this.data.todos[index].done })
  },
  remove(e) {
    this.setData({ todos: this.data.todos.filter(t => t.id !== e.currentTarget.dataset.todoId) })
  },
  saveProfile(e) {
    this.setData({ profile: e.detail.value })
  }
})
