import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from './app'
import { verifyAudit } from './audit/log'
import { openDb, type Db } from './db/db'
import { loadMigrations, migrate } from './db/migrate'
import { createDingTalkClient } from './dingtalk/client'
import { injectFetch } from './dingtalk/inject-fetch'
import { parseEnv } from './env'
import { createWorker, enqueue } from './jobs/queue'
import { DEMO_DEPARTMENTS, demoSimUsers, seedDemo } from './seed'
import { buildSimulator } from './simulator/app'
import { createLocalBlobStore } from './storage/blob-store'
import { openTestDb, testDbKind, type TestDb } from './testing'
import type { Deps } from './deps'

/**
 * Two backend instances on one database, as behind a load balancer: nothing an instance keeps
 * in memory may matter. Sessions are rows (a cookie from one works on the other), jobs are
 * claimed with FOR UPDATE SKIP LOCKED (each runs once), audit appends from both serialise on
 * the head row (the chain stays valid), and with Redis the sign-in rate limit is one budget
 * across instances. On PostgreSQL each instance has its own connection pool; on PGlite they
 * share the one embedded database of the process.
 */

const SECRET = 'scale-out-secret-'.padEnd(48, 'z')
let shared: TestDb
let second: Db
const apps: App[] = []
const sim = buildSimulator({
  corpId: 'dingdemocorp0001',
  appKey: 'demo-app-key',
  appSecret: 'demo-app-secret',
  users: demoSimUsers(),
  departments: DEMO_DEPARTMENTS,
})

interface Instance {
  name: string
  app: App
  deps: Deps
}

async function instance(
  name: string,
  db: Db,
  o: { env?: Record<string, string>; redis?: Redis; namespace?: string } = {},
): Promise<Instance> {
  const env = parseEnv({ NODE_ENV: 'test', DEV_SIGN_IN: 'true', LOG_LEVEL: 'silent', ...o.env })
  const dingtalk = createDingTalkClient({
    apiBase: 'http://dingtalk.sim',
    oapiBase: 'http://dingtalk.sim',
    appKey: env.DINGTALK_APP_KEY,
    appSecret: env.DINGTALK_APP_SECRET,
    agentId: env.DINGTALK_AGENT_ID,
    fetch: injectFetch(sim.app, 'http://dingtalk.sim'),
    sleep: async () => undefined,
    timeoutMs: 2000,
  })
  // Both instances see one file store, as they would one object-storage bucket.
  const blobs = createLocalBlobStore(join(tmpdir(), 'suite-scale-out-blobs'))
  const deps: Deps = { env, db, dingtalk, blobs, secret: SECRET, now: () => new Date(), jobHandlers: {} }
  const app = await buildApp(deps, o.redis ? { rateLimitRedis: o.redis, rateLimitNamespace: o.namespace } : {})
  apps.push(app)
  return { name, app, deps }
}

async function devSignIn(i: Instance, userId: string) {
  const res = await i.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { userId } })
  const set = res.cookies.find((c) => c.name === 'suite_sid')
  return {
    status: res.statusCode,
    cookie: set ? `suite_sid=${set.value}` : '',
    csrf: res.statusCode === 200 ? res.json<{ csrfToken: string }>().csrfToken : '',
  }
}

let a: Instance
let b: Instance

beforeAll(async () => {
  shared = await openTestDb()
  const schema = (await shared.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s
  // Instance B gets its own connection pool on the same schema (PGlite: the same embedded database).
  second = testDbKind() === 'pg' ? await openDb({ url: process.env.TEST_DATABASE_URL, schema }) : shared
  await seedDemo(shared)
  a = await instance('A', shared)
  b = await instance('B', second)
}, 60_000)

afterAll(async () => {
  for (const app of apps) await app.close()
  if (second !== shared) await second.close()
  await shared.dropSchema()
})

describe('two backend instances on one database', () => {
  it('a session opened on one instance works on the other, and signing out on one ends it on both', async () => {
    const s = await devSignIn(a, 'u-chan')
    expect(s.status).toBe(200)
    const me = await b.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } })
    expect(me.statusCode).toBe(200)
    expect(me.json().user.id).toBe('u-chan')
    const write = await b.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { number: 'SCALE 1/2026', title: 'Opened through instance B' },
    })
    expect(write.statusCode).toBe(201)
    expect(
      (await a.app.inject({ method: 'GET', url: `/api/cases/${write.json().id}`, headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(200)
    const out = await b.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    })
    expect(out.statusCode).toBe(204)
    expect(
      (await a.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(401)
  })

  it("each queued job runs exactly once with both instances' workers draining at the same time", async () => {
    const ran: { instance: string; id: number }[] = []
    for (const i of [a, b]) {
      i.deps.jobHandlers['scale.test'] = async (job) => {
        ran.push({ instance: i.name, id: job.id })
        await new Promise((r) => setTimeout(r, 2))
      }
    }
    const ids: number[] = []
    for (let k = 0; k < 60; k++) ids.push((await enqueue(shared, 'scale.test', { k }))!)
    const wa = createWorker({ db: shared, handlers: { 'scale.test': a.deps.jobHandlers['scale.test']! }, batch: 3 })
    const wb = createWorker({ db: second, handlers: { 'scale.test': b.deps.jobHandlers['scale.test']! }, batch: 3 })
    await Promise.all([wa.drain(), wb.drain()])
    expect(ran.map((r) => r.id).sort((x, y) => x - y)).toEqual(ids.sort((x, y) => x - y))
    const done = (
      await shared.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs WHERE kind = 'scale.test' AND status = 'done'",
      )
    ).rows[0]!.n
    expect(done).toBe(60)
  })

  // Scale-out needs PostgreSQL (PGlite is one process); two pools can only race there.
  it.skipIf(testDbKind() !== 'pg')(
    'two instances starting at once on an empty schema migrate it once, without errors',
    async () => {
      const fresh = `t_race_${randomBytes(5).toString('hex')}`
      const url = process.env.TEST_DATABASE_URL
      const [x, y] = [await openDb({ url, schema: fresh }), await openDb({ url, schema: fresh })]
      try {
        const [ax, ay] = await Promise.all([migrate(x), migrate(y)])
        expect(new Set([...ax, ...ay]).size).toBe(ax.length + ay.length)
        expect(ax.length + ay.length).toBe((await loadMigrations()).length)
      } finally {
        await x.exec(`DROP SCHEMA IF EXISTS ${fresh} CASCADE`)
        await x.close()
        await y.close()
      }
    },
  )

  it('the audit chain stays valid under concurrent appends through both instances', async () => {
    const partner = await devSignIn(a, 'u-wong')
    const before = (
      await shared.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.create'")
    ).rows[0]!.n
    const writes = Array.from({ length: 40 }, (_, k) =>
      (k % 2 ? a : b).app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: partner.cookie, 'x-csrf-token': partner.csrf },
        payload: { number: `SCALE-C ${k}/2026`, title: `Concurrent ${k}` },
      }),
    )
    const results = await Promise.all(writes)
    expect(results.map((r) => r.statusCode)).toEqual(Array(40).fill(201))
    const after = (
      await shared.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.create'")
    ).rows[0]!.n
    expect(after - before).toBe(40)
    const v = await verifyAudit(shared, SECRET)
    expect(v).toMatchObject({ ok: true, firstBadSeq: null })
  })
})

// Redis is on the development machines (127.0.0.1:6379, or REDIS_URL); without it this part is skipped.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const redis = new Redis(redisUrl, {
  lazyConnect: true,
  connectTimeout: 1000,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  retryStrategy: () => null,
})
const redisUp = await redis.connect().then(
  () => true,
  () => false,
)
afterAll(async () => {
  if (redisUp) await redis.quit()
})

describe.skipIf(!redisUp)('the sign-in rate limit across instances (Redis)', () => {
  it('in memory each instance counts alone; with Redis one budget covers both', async () => {
    const limit = { SIGN_IN_RATE_LIMIT_PER_MINUTE: '5' }
    const memA = await instance('memA', shared, { env: limit })
    const memB = await instance('memB', second, { env: limit })
    const ns = `suite-test-${randomBytes(4).toString('hex')}:`
    const redA = await instance('redA', shared, { env: limit, redis, namespace: ns })
    const redB = await instance('redB', second, { env: limit, redis, namespace: ns })
    const attempts = async (x: Instance, y: Instance) => {
      const codes: number[] = []
      for (let k = 0; k < 10; k++) codes.push((await devSignIn(k % 2 ? x : y, 'u-lee')).status)
      return codes
    }
    const memory = await attempts(memA, memB)
    expect(memory.filter((c) => c === 200)).toHaveLength(10)
    const oneBudget = await attempts(redA, redB)
    expect(oneBudget.filter((c) => c === 200)).toHaveLength(5)
    expect(oneBudget.filter((c) => c === 429)).toHaveLength(5)
    expect(await redis.keys(`${ns}*`)).not.toHaveLength(0)
  })
})
