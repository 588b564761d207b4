// the next line is broken on purpose
const broken = {
  a: 1,,
}
