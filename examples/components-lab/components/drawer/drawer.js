const { item, group } = require('../../behaviors/item');

// A group whose slot is inside another component's slot, rendered once that one shows it (TDesign's picker columns
// inside its popup)
Component({
  behaviors: [group],
  relations: {
    tagged: {
      type: 'descendant', target: item,
      linked() { this.setData({ linkedNow: this.getRelationNodes('tagged').map((c) => c.data.name) }); }
    }
  },
  data: { linkedNow: [] },
  methods: {
    tagged() { return this.getRelationNodes('tagged').map((c) => c.data.name); }
  }
});
