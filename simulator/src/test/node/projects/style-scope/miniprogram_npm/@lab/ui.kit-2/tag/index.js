Component({ properties: { on: { type: Boolean, value: false } } })
