const { linkedTo } = require('../../behaviors/relation');
const { item, group } = require('../../behaviors/item');

const rel = linkedTo('../group/group', function (line) { this.events.push(line); });

Component({
  behaviors: [rel.mixin, item],
  relations: Object.assign({}, rel.relations, {
    '../group/group': Object.assign({}, rel.relations['../group/group'], {
      linkFailed() { this.events.push('no group'); }
    }),
    anyGroup: { type: 'ancestor', target: group }
  }),
  properties: { name: String },
  data: { index: -1 },
  lifetimes: {
    created() { this.events = []; },
    attached() { this.events.push('attached'); },
    moved() { this.events.push('moved'); }
  },
  methods: {
    where() { return { index: this.index, group: this.parent ? this.parent.data.title : null, events: this.events }; }
  }
});
