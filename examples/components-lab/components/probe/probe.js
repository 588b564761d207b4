Component({
  methods: {
    fire(name, options) { this.triggerEvent(name, { from: 'probe' }, options) }
  }
})
