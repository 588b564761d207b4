// a comment mentioning import and export, and a string: "export const x = 1"
const re = /import|export/g
export const helper = () => 'helped'
export const pattern = re.source
export const template = `export ${'default'} inside a template`
