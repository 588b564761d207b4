undefinedHelper.init()

Component({ data: { text: 'never' } })
