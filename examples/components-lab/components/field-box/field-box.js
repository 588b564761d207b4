Component({
  behaviors: ['wx://form-field'],
  methods: { pick() { this.setData({ value: 'picked' }); } }
});
