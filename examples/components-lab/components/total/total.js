const computed = require('../../behaviors/computed');

Component({
  behaviors: [computed],
  data: { a: 1, b: 2 },
  computed: { sum: (data) => data.a + data.b },
  pageLifetimes: {
    routeDone() { this.routeDones = (this.routeDones || 0) + 1; }
  },
  methods: {
    bump() { this.setData({ a: this.data.a + 10 }); },
    info() { return { routeDones: this.routeDones || 0, pageId: this.getPageId() }; }
  }
});
