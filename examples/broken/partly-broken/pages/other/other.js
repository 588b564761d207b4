Page({ data: { title: 'other works' } })
