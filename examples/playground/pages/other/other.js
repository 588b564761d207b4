Page({ data: { other: true } })
