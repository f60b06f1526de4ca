import { openDb } from '/work/main/mock-server/src/db/db'
import { DOC_SELECT } from '/work/main/mock-server/src/case-room/documents'
const db = await openDb({ url: 'postgres://postgres@127.0.0.1:5432/suite_bench' })
for (const tier of ['restricted', 'public', 'restricted']) {
  const ts: number[] = []
  for (let i = 0; i < 30; i++) {
    const t = performance.now()
    await db.query(`${DOC_SELECT} WHERE d.case_id = $1 AND d.tier = $2 AND d.deleted_at IS NULL ORDER BY d.updated_at DESC, d.id DESC LIMIT $3`, ['lcase-10', tier, 51])
    ts.push(performance.now() - t)
  }
  ts.sort((a, b) => a - b); console.log(tier, ts[15]!.toFixed(2))
}
const t = performance.now(); for (let i = 0; i < 30; i++) await db.query('SELECT * FROM cases WHERE id = $1', ['lcase-10']); console.log('case', ((performance.now() - t) / 30).toFixed(2))
await db.close()
