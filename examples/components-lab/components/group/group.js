const { owning } = require('../../behaviors/relation');
const { item, group } = require('../../behaviors/item');

const rel = owning('../entry/entry', function (what, child) {
  this.events.push(what + ' ' + child.data.name);
  this.refresh();
});

Component({
  behaviors: [rel.mixin, group],
  relations: Object.assign({}, rel.relations, {
    tagged: { type: 'descendant', target: item }
  }),
  properties: { title: String },
  data: { names: [] },
  lifetimes: {
    created() { this.events = []; }
  },
  methods: {
    refresh() { this.setData({ names: this.children.map((c) => c.data.name) }); },
    tagged() { return this.getRelationNodes('tagged').map((c) => c.data.name); },
    log() { return this.events; }
  }
});
