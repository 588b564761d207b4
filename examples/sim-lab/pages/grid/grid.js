// 50 rows of 20 cells drawn by an imported template whose rows hold a nested wx:for: the one-cell setData
// benchmark (rows[i].cells[j].v). A tap toggles one cell.
const rows = []
for (let i = 0; i < 50; i++) {
  const cells = []
  for (let j = 0; j < 20; j++) cells.push({ id: j, row: i, v: i * 20 + j, on: false })
  rows.push({ id: i, label: 'Row ' + i, cells })
}

Page({
  data: { rows, title: '1,000 cells' },
  toggle(e) {
    const { row, cell } = e.currentTarget.dataset
    this.setData({ [`rows[${row}].cells[${cell}].on`]: !this.data.rows[row].cells[cell].on })
  }
})
