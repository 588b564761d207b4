// Behaviors used as relation targets (a relation may name a behavior instead of a component path).
module.exports = { item: Behavior({ data: { tagged: true } }), group: Behavior({}) };
