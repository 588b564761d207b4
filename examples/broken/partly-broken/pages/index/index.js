Page({ data: { title: 'index works' } })
