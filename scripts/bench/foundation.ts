// Foundation figures (issue 2 "Measure"): sign-in round trip, audit append throughput and
// chain verification time for 100,000 entries, on the embedded database and on PostgreSQL.
// Writes .bench/foundation.json rows { name, value, unit, note? }.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DEMO_CASES, DEMO_USERS } from '@suite/domain/testing'
import {
  appendAudit,
  ensureDatabase,
  fillAudit,
  migrate,
  openDb,
  pgAvailable,
  startPglite,
  verifyAudit,
  type Db,
} from '@suite/mock-server/bench'
import { DEMO_CORP_ID, devSignIn, percentile, root, startBackend } from '../lib/server.mjs'

interface Row {
  name: string
  value: number
  unit: string
  note?: string
}
const rows: Row[] = []
const add = (name: string, value: number, unit: string, note?: string) => {
  rows.push({ name, value: Math.round(value * 100) / 100, unit, ...(note ? { note } : {}) })
  process.stdout.write(`  ${name}: ${rows[rows.length - 1]!.value} ${unit}\n`)
}
const N_SIGN_IN = Number(process.env.BENCH_SIGN_INS ?? 300)
const N_APPEND = Number(process.env.BENCH_APPENDS ?? 3000)
const N_VERIFY = Number(process.env.BENCH_VERIFY_ENTRIES ?? 100_000)
const SECRET = 'bench-secret-'.padEnd(48, 'x')

/** Time `fn` `n` times (after `warmup` untimed runs); latencies in ms. */
async function timeEach(n: number, warmup: number, fn: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out
}

async function signInRoundTrips(): Promise<void> {
  process.stdout.write(
    `sign-in round trips (${N_SIGN_IN} each, sequential, against a listening backend on the embedded database)\n`,
  )
  const server = await startBackend({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000000' })
  try {
    const { baseURL } = server
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${baseURL}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`)
      return res.json() as Promise<Record<string, unknown>>
    }
    const dev = await timeEach(N_SIGN_IN, 20, async () => {
      await post('/api/auth/dev', { userId: 'u-chan' })
    })
    add('sign-in round trip, dev sign-in, p50', percentile(dev, 50), 'ms')
    add('sign-in round trip, dev sign-in, p99', percentile(dev, 99), 'ms')
    // The DingTalk path: the simulator mints a code (what requestAuthCode gives the app; not
    // timed), then the app's POST makes the backend call getuserinfo and user/get over HTTP.
    const dingtalkUsers = DEMO_USERS.filter((u) => u.dingtalkUserId).map((u) => u.dingtalkUserId!)
    let i = 0
    const codes: string[] = []
    const mint = async () => {
      const { code } = await post('/_sim/dingtalk/_test/auth-codes', {
        userid: dingtalkUsers[i++ % dingtalkUsers.length],
      })
      codes.push(String(code))
    }
    for (let k = 0; k < N_SIGN_IN + 20; k++) await mint()
    const dt = await timeEach(N_SIGN_IN, 20, async () => {
      await post('/api/auth/dingtalk', { corpId: DEMO_CORP_ID, code: codes.shift() })
    })
    add('sign-in round trip, DingTalk auth code via the simulator, p50', percentile(dt, 50), 'ms')
    add('sign-in round trip, DingTalk auth code via the simulator, p99', percentile(dt, 99), 'ms')
    const { cookie } = await devSignIn(baseURL)
    const check = await timeEach(N_SIGN_IN, 20, async () => {
      const res = await fetch(`${baseURL}/api/auth/session`, { headers: { cookie } })
      if (!res.ok) throw new Error(`session check ${res.status}`)
      await res.arrayBuffer()
    })
    add('session check (GET /api/auth/session with cookie), p50', percentile(check, 50), 'ms')
  } finally {
    await server.stop()
  }
}

const actors = DEMO_USERS.map((u) => ({ id: u.id, name: u.name }))

async function auditFigures(label: string, db: Db): Promise<void> {
  await migrate(db)
  const event = (i: number) => ({
    actorId: 'u-chan',
    actorName: 'Chan',
    action: 'case.view',
    targetType: 'case',
    targetId: DEMO_CASES[0]!.id,
    caseId: DEMO_CASES[0]!.id,
    requestId: `r-${i}`,
    detail: { i },
  })
  let t = performance.now()
  for (let i = 0; i < N_APPEND; i++) await db.tx((q) => appendAudit(q, event(i)))
  add(`audit append, one entry per transaction (${label})`, N_APPEND / ((performance.now() - t) / 1000), 'entries/s')
  t = performance.now()
  for (let i = 0; i < N_APPEND / 100; i++)
    await db.tx(async (q) => {
      for (let k = 0; k < 100; k++) await appendAudit(q, event(i * 100 + k))
    })
  add(`audit append, 100 entries per transaction (${label})`, N_APPEND / ((performance.now() - t) / 1000), 'entries/s')

  const existing = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n
  t = performance.now()
  await fillAudit(db, { count: N_VERIFY - existing, actors, caseIds: DEMO_CASES.map((c) => c.id) })
  add(
    `audit chain generation to ${N_VERIFY.toLocaleString('en')} entries, hashes in Node, batched INSERT (${label})`,
    (performance.now() - t) / 1000,
    's',
  )
  t = performance.now()
  const v = await verifyAudit(db, SECRET)
  const secs = (performance.now() - t) / 1000
  if (!v.ok || v.checked !== N_VERIFY) throw new Error(`verification failed on ${label}: ${JSON.stringify(v)}`)
  add(
    `audit chain verification, ${N_VERIFY.toLocaleString('en')} entries (${label})`,
    secs,
    's',
    `${Math.round(N_VERIFY / secs).toLocaleString('en')} entries/s`,
  )
}

async function main(): Promise<void> {
  await signInRoundTrips()

  const dir = mkdtempSync(join(tmpdir(), 'suite-bench-pglite-'))
  const lite = await startPglite(join(dir, 'pglite'))
  try {
    process.stdout.write('audit on the embedded database (PGlite, file-backed)\n')
    await auditFigures('PGlite', await openDb({ pglite: lite }))
  } finally {
    await lite.close()
    rmSync(dir, { recursive: true, force: true })
  }

  if (await pgAvailable()) {
    process.stdout.write('audit on PostgreSQL\n')
    const url = await ensureDatabase('suite_bench_foundation', { fresh: true })
    const db = await openDb({ url })
    try {
      await auditFigures('PostgreSQL', db)
    } finally {
      await db.close()
    }
  } else {
    process.stdout.write('PostgreSQL not reachable: skipping the PostgreSQL audit figures\n')
  }

  mkdirSync(join(root, '.bench'), { recursive: true })
  writeFileSync(join(root, '.bench', 'foundation.json'), JSON.stringify(rows, null, 2))
}

await main()
