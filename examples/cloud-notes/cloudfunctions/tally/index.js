// Server-side database: counts every user's notes (no client permission rules, no 20-document limit) and
// bumps a visit counter in a transaction
const cloud = require('wx-server-sdk')
const { label } = require('./format')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const db = cloud.database()

exports.main = async () => {
  const notes = await db.collection('notes').count()
  const visits = await db.runTransaction(async transaction => {
    const counters = transaction.collection('counters')
    const current = await counters.doc('visits').get().then(r => r.data.n, () => 0)
    await counters.doc('visits').set({ data: { n: current + 1 } })
    return current + 1
  })
  return { notes: notes.total, visits, label: label(notes.total, visits) }
}
