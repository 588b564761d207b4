exports.label = (notes, visits) => notes + ' notes, visit ' + visits
