// The pattern UI libraries use for parent/child components: a relation plus a behavior that reads it back.
function linkedTo(parentPath, log) {
  const relations = {};
  relations[parentPath] = {
    type: 'parent',
    linked(target) { log.call(this, 'linked ' + target.data.title); },
    linkChanged(target) { log.call(this, 'changed ' + target.data.title); },
    unlinked(target) { log.call(this, 'unlinked ' + target.data.title); }
  };
  return {
    relations,
    mixin: Behavior({
      created() {
        Object.defineProperty(this, 'parent', { get: () => this.getRelationNodes(parentPath)[0] });
        Object.defineProperty(this, 'index', { get: () => (this.parent ? this.parent.children.indexOf(this) : -1) });
      }
    })
  };
}

function owning(childPath, onChange) {
  const relations = {};
  relations[childPath] = {
    type: 'child',
    linked(child) { onChange.call(this, 'linked', child); },
    linkChanged(child) { onChange.call(this, 'changed', child); },
    unlinked(child) { onChange.call(this, 'unlinked', child); }
  };
  return {
    relations,
    mixin: Behavior({
      created() {
        Object.defineProperty(this, 'children', { get: () => this.getRelationNodes(childPath) || [] });
      }
    })
  };
}

module.exports = { linkedTo, owning };
