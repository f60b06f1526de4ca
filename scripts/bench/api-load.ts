// API load on PostgreSQL (issue 8): a realistic firm (1,000 cases, 100,000 documents,
// 1,000,000 audit entries in one valid chain) in a fresh database `suite_bench`, the real
// backend listening on it, autocannon against the main permission-checked reads.
// Writes .bench/api-load.json. Needs PostgreSQL on 127.0.0.1:5432 (BENCH_PG_SERVER to change).
// Sizes: BENCH_CASES, BENCH_DOCUMENTS, BENCH_AUDIT; load: BENCH_LOAD_SECONDS, BENCH_CONNECTIONS.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { ensureDatabase, generateLoadData, migrate, openDb, pgAvailable, seedDemo } from '@suite/mock-server/bench'
import { devSignIn, root, startBackend } from '../lib/server.mjs'

interface Row {
  name: string
  value: number
  unit: string
  note?: string
}
const rows: Row[] = []
const add = (name: string, value: number, unit: string, note?: string) => {
  rows.push({ name, value: Math.round(value * 100) / 100, unit, ...(note ? { note } : {}) })
  process.stdout.write(`  ${name}: ${rows[rows.length - 1]!.value} ${unit}${note ? ` (${note})` : ''}\n`)
}
const size = {
  cases: Number(process.env.BENCH_CASES ?? 1000),
  documents: Number(process.env.BENCH_DOCUMENTS ?? 100_000),
  auditEntries: Number(process.env.BENCH_AUDIT ?? 1_000_000),
  people: 300,
}
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 15)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)

if (!(await pgAvailable())) {
  process.stderr.write(
    'PostgreSQL is not reachable on 127.0.0.1:5432 (set BENCH_PG_SERVER): the API load bench needs it.\n',
  )
  process.exit(1)
}

process.stdout.write(
  `generating ${size.cases} cases, ${size.documents} documents, ${size.auditEntries} audit entries in database suite_bench\n`,
)
const url = await ensureDatabase('suite_bench', { fresh: true })
const db = await openDb({ url })
let t = performance.now()
await migrate(db)
await seedDemo(db)
const steps = await generateLoadData(db, size, (m) => process.stdout.write(`  ${m}\n`))
const genSecs = (performance.now() - t) / 1000
add(
  `data generation: ${size.cases.toLocaleString('en')} cases, ${size.documents.toLocaleString('en')} documents, members (set-based SQL)`,
  steps.people + steps.cases + steps.members + steps.documents,
  's',
)
add(
  `data generation: ${size.auditEntries.toLocaleString('en')} audit entries, one valid hash chain (hashes in Node, 10,000-row INSERT ... unnest batches)`,
  steps.audit,
  's',
  `${Math.round(size.auditEntries / steps.audit).toLocaleString('en')} entries/s`,
)
add('data generation, total with migrations, seed and ANALYZE', genSecs, 's')

// Targets: the demo partner's busiest case, and a case where the demo client sees the public tier.
const busiest = (
  await db.query<{ case_id: string; n: number }>(
    `SELECT d.case_id, count(*)::int AS n FROM case_documents d JOIN case_members m ON m.case_id = d.case_id
   WHERE m.user_id = 'u-chan' AND m.status = 'active' AND d.tier = 'restricted' GROUP BY d.case_id ORDER BY n DESC LIMIT 1`,
  )
).rows[0]!
const clientCase = (
  await db.query<{ case_id: string; n: number }>(
    `SELECT d.case_id, count(*)::int AS n FROM case_documents d JOIN case_members m ON m.case_id = d.case_id JOIN cases c ON c.id = d.case_id
   WHERE m.user_id = 'u-client-tse' AND m.status = 'active' AND m.expires_at IS NULL AND NOT c.restricted_to_internal AND d.tier = 'public'
   GROUP BY d.case_id ORDER BY n DESC LIMIT 1`,
  )
).rows[0]!
const myCases = (
  await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM case_members m WHERE m.user_id = 'u-chan' AND m.status = 'active'`,
  )
).rows[0]!.n

// The plans: listings filter by membership and keyset-paginate in SQL, on indexes.
const plan = async (sql: string, params: unknown[]) => {
  const { rows: p } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)
  const text = p.map((r) => r['QUERY PLAN']).join('\n')
  return {
    ms: Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? NaN),
    indexes: [...new Set([...text.matchAll(/Index (?:Only )?Scan (?:Backward )?using (\w+)/g)].map((m) => m[1]))],
  }
}
const casePlan = await plan(
  `SELECT c.* FROM cases c JOIN case_members m ON m.case_id = c.id
   WHERE m.user_id = $1 AND m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > $2) ORDER BY c.updated_at DESC, c.id DESC LIMIT 51`,
  ['u-chan', new Date()],
)
const docPlan = await plan(
  `SELECT d.id FROM case_documents d JOIN users u ON u.id = d.uploaded_by WHERE d.case_id = $1 AND d.tier = $2 AND d.deleted_at IS NULL
   ORDER BY d.updated_at DESC, d.id DESC LIMIT 51`,
  [busiest.case_id, 'restricted'],
)
await db.close()

const server = await startBackend({ DATABASE_URL: url, SEED_DEMO: 'false', LOG_LEVEL: 'error' }, { timeoutMs: 300_000 })
try {
  const partner = await devSignIn(server.baseURL, 'u-chan')
  const client = await devSignIn(server.baseURL, 'u-client-tse')
  const compliance = await devSignIn(server.baseURL, 'u-ng')
  // The server warms pdf.js and the watermark font in the background after start: let that
  // finish (and the JIT warm up) before measuring anything.
  await new Promise((r) => setTimeout(r, 8000))
  await autocannon({
    url: `${server.baseURL}/api/cases?limit=50`,
    headers: { cookie: partner.cookie },
    connections: CONNECTIONS,
    duration: 5,
  })

  const scenarios: { name: string; path: string; cookie: string; note: string }[] = [
    {
      name: 'GET /api/cases (partner, first page of 50)',
      path: '/api/cases?limit=50',
      cookie: partner.cookie,
      note: `member of ${myCases} of ${size.cases} cases; plan ${casePlan.ms.toFixed(2)} ms on ${casePlan.indexes.join(', ') || 'no index'}`,
    },
    {
      name: 'GET /api/cases?q= (partner, search)',
      path: '/api/cases?limit=20&q=contract',
      cookie: partner.cookie,
      note: 'ILIKE on number, title, client',
    },
    {
      name: 'GET /api/cases (client)',
      path: '/api/cases?limit=50',
      cookie: client.cookie,
      note: 'external: no internal-only cases, lapsed access excluded',
    },
    {
      name: 'GET /api/cases/:id (partner, case detail with abilities)',
      path: `/api/cases/${busiest.case_id}`,
      cookie: partner.cookie,
      note: 'membership + permission table per request',
    },
    {
      name: 'GET /api/cases/:id/documents?tier=restricted (partner, busiest case)',
      path: `/api/cases/${busiest.case_id}/documents?tier=restricted&limit=50`,
      cookie: partner.cookie,
      note: `${busiest.n} restricted documents in the case; plan ${docPlan.ms.toFixed(2)} ms on ${docPlan.indexes.join(', ') || 'no index'}`,
    },
    {
      name: 'GET /api/cases/:id/documents?tier=public (client)',
      path: `/api/cases/${clientCase.case_id}/documents?tier=public&limit=50`,
      cookie: client.cookie,
      note: `${clientCase.n} public documents`,
    },
    {
      name: 'GET /api/audit (compliance officer, newest 100 of the chain)',
      path: '/api/audit?limit=100',
      cookie: compliance.cookie,
      note: `${size.auditEntries.toLocaleString('en')} entries`,
    },
  ]
  for (const s of scenarios) {
    const res = await fetch(`${server.baseURL}${s.path}`, { headers: { cookie: s.cookie } })
    if (!res.ok) throw new Error(`${s.path} answered ${res.status}: ${await res.text()}`)
    await autocannon({
      url: `${server.baseURL}${s.path}`,
      headers: { cookie: s.cookie },
      connections: CONNECTIONS,
      duration: 3,
    }) // warm-up
    const r = await autocannon({
      url: `${server.baseURL}${s.path}`,
      headers: { cookie: s.cookie },
      connections: CONNECTIONS,
      duration: SECONDS,
    })
    if (r.non2xx || r.errors || r.timeouts)
      throw new Error(`${s.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`)
    add(`${s.name}: p50`, r.latency.p50, 'ms')
    add(`${s.name}: p99`, r.latency.p99, 'ms')
    add(
      `${s.name}: throughput`,
      r.requests.average,
      'req/s',
      `${CONNECTIONS} connections, ${SECONDS} s, ${r.requests.total} requests; ${s.note}`,
    )
  }

  t = performance.now()
  const v = await fetch(`${server.baseURL}/api/audit/verify`, { headers: { cookie: compliance.cookie } })
  const verdict = (await v.json()) as { ok: boolean; checked: number }
  if (!v.ok || !verdict.ok) throw new Error(`verification failed: ${v.status} ${JSON.stringify(verdict)}`)
  add(
    `GET /api/audit/verify over ${verdict.checked.toLocaleString('en')} entries (one request)`,
    (performance.now() - t) / 1000,
    's',
  )
} finally {
  await server.stop()
}

mkdirSync(join(root, '.bench'), { recursive: true })
writeFileSync(join(root, '.bench', 'api-load.json'), JSON.stringify(rows, null, 2))
