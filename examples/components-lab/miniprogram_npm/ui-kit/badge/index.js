Component({ properties: { text: { type: String, value: '' } } })
