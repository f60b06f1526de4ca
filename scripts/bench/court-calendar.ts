// Court calendar sync figures (issue 4 "Bench"): 1,000 DingTalk calendar events (500 hearings,
// two lawyers each) synced through the durable job queue against the DingTalk simulator limited
// to 20 calls per second per API; then the re-sync with nothing changed, and a change of every
// hearing. Runs in one process on the embedded database, the client reaching the simulator
// through an in-process fetch (no port). Writes .bench/court-calendar.json. Not part of the tests.
// BENCH_COURT_HEARINGS (default 500), BENCH_COURT_QPS (simulator limit, 20), BENCH_COURT_PACE (our pace, 19/s).
import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import {
  buildApp,
  buildSimulator,
  createDingTalkClient,
  createLocalBlobStore,
  createWorker,
  DEMO_DEPARTMENTS,
  demoSimUsers,
  enqueueSync,
  EnvSchema,
  getSettings,
  injectFetch,
  migrate,
  openDb,
  putSettings,
  seedDemo,
  startPglite,
  SYNC_JOB,
} from '@suite/mock-server/bench'

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

const HEARINGS = Number(process.env.BENCH_COURT_HEARINGS ?? 500)
const LAWYERS = ['u-chan', 'u-lee']
const EVENTS = HEARINGS * LAWYERS.length
const QPS = Number(process.env.BENCH_COURT_QPS ?? 20)
const PACE = Number(process.env.BENCH_COURT_PACE ?? 19)
const root = fileURLToPath(new URL('../..', import.meta.url))

const env = EnvSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent' })
const db = await openDb({ pglite: await startPglite() })
await migrate(db)
await seedDemo(db)
const sim = buildSimulator({
  corpId: env.DINGTALK_CORP_ID,
  appKey: env.DINGTALK_APP_KEY,
  appSecret: env.DINGTALK_APP_SECRET,
  users: demoSimUsers(),
  departments: DEMO_DEPARTMENTS,
})
const base = 'http://dingtalk.sim'
// The real client, with its real waits between retries.
const dingtalk = createDingTalkClient({
  apiBase: base,
  oapiBase: base,
  appKey: env.DINGTALK_APP_KEY,
  appSecret: env.DINGTALK_APP_SECRET,
  agentId: env.DINGTALK_AGENT_ID,
  fetch: injectFetch(sim.app, base),
})
const deps = {
  env,
  db,
  dingtalk,
  blobs: createLocalBlobStore(join(root, '.data', 'bench-blobs')),
  secret: 'bench-secret-'.padEnd(48, 'x'),
  now: () => new Date(),
  jobHandlers: {},
}
const app = await buildApp(deps)
const worker = createWorker({ db, handlers: deps.jobHandlers, batch: 50 })
await putSettings(
  db,
  { ...(await getSettings(db)), syncCallsPerSecond: PACE, monthlyCallBudget: 10_000_000 },
  null,
  new Date(),
)
sim.state.qpsLimit = QPS

// The simulator counts every request it received, refused ones included.
const totalCalls = () => [...sim.state.calls.values()].reduce((a, b) => a + b, 0)
const calendarCalls = () =>
  [...sim.state.calls.entries()].filter(([p]) => p.includes('/calendar/')).reduce((a, [, n]) => a + n, 0)
const pendingJobs = async () =>
  (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE kind = $1 AND status IN ('queued','running')`,
      [SYNC_JOB],
    )
  ).rows[0]!.n

/** Run the worker until no sync job is left (jobs put back by a rate limit wait a second or two). */
async function runSync(): Promise<number> {
  const t = performance.now()
  for (;;) {
    await worker.drain()
    if (!(await pendingJobs())) return (performance.now() - t) / 1000
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function measure(label: string, prepare: () => Promise<void>, expectWrites: number | null): Promise<void> {
  await prepare()
  const calls0 = totalCalls()
  const cal0 = calendarCalls()
  const refused0 = dingtalk.metrics.retries + dingtalk.metrics.failures
  const secs = await runSync()
  const refused = dingtalk.metrics.retries + dingtalk.metrics.failures - refused0
  const cal = calendarCalls() - cal0
  if (expectWrites !== null && cal - refused < expectWrites)
    throw new Error(`${label}: ${cal - refused} calendar calls went through, expected ${expectWrites}`)
  add(`${label}: time`, secs, 's', expectWrites ? `${Math.round((expectWrites / secs) * 10) / 10} events/s` : undefined)
  add(`${label}: DingTalk calls made (incl. token and refused calls)`, totalCalls() - calls0, 'calls')
  add(`${label}: calendar calls that went through`, cal - refused, 'calls')
  add(`${label}: calls refused by the ${QPS}/s limit (90002), retried`, refused, 'calls')
}

process.stdout.write(
  `court calendar sync: ${EVENTS} events (${HEARINGS} hearings x ${LAWYERS.length} lawyers), simulator limit ${QPS} calls/s, our pace ${PACE}/s\n`,
)
const ids: string[] = []
await measure(
  `first sync of ${EVENTS} events`,
  async () => {
    await db.tx(async (q) => {
      for (let i = 0; i < HEARINGS; i++) {
        const id = `hr-bench-${randomUUID()}`
        ids.push(id)
        const day = new Date(Date.UTC(2027, 0, 4) + (i % 250) * 86_400_000 + 1.5 * 3_600_000)
        await q.query(
          `INSERT INTO court_hearings (id, case_id, court_case_number, court, courtroom, hearing_type, title, starts_at, ends_at, lawyer_ids, created_by)
         VALUES ($1, 'case-hca-1234', 'HCA 1234/2026', 'Court of First Instance 原訟法庭', $2, 'trial', $3, $4, $5, $6, 'u-chan')`,
          [id, String(1 + (i % 40)), `Bench hearing ${i}`, day, new Date(day.getTime() + 2 * 3_600_000), LAWYERS],
        )
        await enqueueSync(q, 'hearing', id, new Date())
      }
    })
  },
  EVENTS,
)
const synced = (
  await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM court_sync_events WHERE state = 'synced'`)
).rows[0]!.n
const live = [...sim.state.events.values()].filter((e) => e.status !== 'cancelled').length
if (synced !== EVENTS || live !== EVENTS)
  throw new Error(`expected ${EVENTS} synced events, have ${synced} mappings and ${live} live events`)
add('events in DingTalk after the first sync (no duplicate, none missing)', live, 'events')

await measure(
  're-sync with nothing changed',
  async () => {
    await db.tx(async (q) => {
      for (const id of ids) await enqueueSync(q, 'hearing', id, new Date())
    })
  },
  null,
)

await measure(
  `every hearing moved by an hour (${EVENTS} updates)`,
  async () => {
    await db.query(
      `UPDATE court_hearings SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour', sequence = sequence + 1 WHERE id LIKE 'hr-bench-%'`,
    )
    await db.tx(async (q) => {
      for (const id of ids) await enqueueSync(q, 'hearing', id, new Date())
    })
  },
  EVENTS,
)

const used = (await db.query<{ calls: number }>('SELECT coalesce(sum(calls), 0)::int AS calls FROM court_sync_usage'))
  .rows[0]!.calls
add('calls counted against the monthly quota by the sync (whole run)', used, 'calls')

await worker.stop()
await app.close()
await sim.app.close()
await db.close()
mkdirSync(join(root, '.bench'), { recursive: true })
writeFileSync(join(root, '.bench', 'court-calendar.json'), `${JSON.stringify(rows, null, 2)}\n`)
process.stdout.write('wrote .bench/court-calendar.json\n')
