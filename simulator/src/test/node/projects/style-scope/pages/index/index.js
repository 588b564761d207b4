Page({ data: { on: true } })
