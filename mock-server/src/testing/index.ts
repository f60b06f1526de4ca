import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { buildApp, type App } from '../app'
import { openDb, startPglite, type Db } from '../db/db'
import { migrate, type Migration } from '../db/migrate'
import { createDingTalkClient } from '../dingtalk/client'
import { injectFetch } from '../dingtalk/inject-fetch'
import { parseEnv, type Env } from '../env'
import { DEMO_DEPARTMENTS, demoSimUsers, seedDemo } from '../seed'
import { buildSimulator } from '../simulator/app'
import { createLocalBlobStore } from '../storage/blob-store'
import { createWorker } from '../jobs/queue'
import type { Deps } from '../deps'

const globalCache = globalThis as unknown as { __suitePglite?: Promise<PGlite> }

/** Which database the server tests run on: `pglite` always, `pg` when TEST_DATABASE_URL is set. */
export function testDbKind(): 'pglite' | 'pg' {
  return process.env.SUITE_TEST_DB === 'pg' ? 'pg' : 'pglite'
}

/** A test database in its own schema; `dropSchema()` removes it and closes the connection. */
export type TestDb = Db & { dropSchema(): Promise<void> }

/**
 * A fresh, migrated database in its own schema. PGlite is started once per test worker and
 * shared (it costs seconds and ~800 MB); each caller gets a new schema inside it. `migrations`
 * applies only those (a test of a data migration starts from an older schema).
 */
export async function openTestDb(opts: { migrations?: Migration[] } = {}): Promise<TestDb> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  let db: Db
  if (testDbKind() === 'pg') {
    const url = process.env.TEST_DATABASE_URL
    if (!url) throw new Error('SUITE_TEST_DB=pg needs TEST_DATABASE_URL')
    db = await openDb({ url, schema })
  } else {
    globalCache.__suitePglite ??= startPglite()
    db = await openDb({ pglite: await globalCache.__suitePglite, schema })
  }
  await migrate(db, opts.migrations)
  return Object.assign(db, {
    async dropSchema() {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await db.close()
    },
  })
}

/** A request's credentials after signing in. */
export interface TestCredentials {
  cookie: string
  csrf: string
  headers: Record<string, string>
}

/** Everything a server test needs. */
export interface TestApp {
  app: App
  db: Db
  sim: ReturnType<typeof buildSimulator>
  env: Env
  deps: Deps
  /** Runs queued jobs (notifications, sync) on demand: `await t.worker.drain()`. */
  worker: ReturnType<typeof createWorker>
  /** Freeze the clock the backend sees at `d`; `null` goes back to real time. */
  setNow(d: Date | null): void
  /** Sign in through the dev route as a seeded user. */
  signIn(userId: string): Promise<TestCredentials>
  /** Sign in through DingTalk: the simulator mints a code for the user, the backend exchanges it. */
  signInWithDingTalk(dingtalkUserId: string): Promise<TestCredentials>
  close(): Promise<void>
}

/**
 * Build the backend on a fresh schema with the simulator behind an in-process fetch. `db`: on
 * this database instead (already migrated and seeded as the test wants; closed with the app).
 */
export async function createTestApp(
  opts: { seed?: boolean; env?: Record<string, string>; db?: TestDb } = {},
): Promise<TestApp> {
  const env = parseEnv({ NODE_ENV: 'test', DEV_SIGN_IN: 'true', LOG_LEVEL: 'silent', ...opts.env })
  const given = opts.db
  const db = given ?? (await openTestDb())
  let fixed: Date | null = null
  const clock = () => fixed ?? new Date()
  if (!given && opts.seed !== false) await seedDemo(db, clock())
  const sim = buildSimulator({
    corpId: env.DINGTALK_CORP_ID,
    appKey: env.DINGTALK_APP_KEY,
    appSecret: env.DINGTALK_APP_SECRET,
    users: demoSimUsers(),
    departments: DEMO_DEPARTMENTS,
    testHooks: true,
  })
  const base = 'http://dingtalk.sim'
  const dingtalk = createDingTalkClient({
    apiBase: base,
    oapiBase: base,
    appKey: env.DINGTALK_APP_KEY,
    appSecret: env.DINGTALK_APP_SECRET,
    agentId: env.DINGTALK_AGENT_ID,
    fetch: injectFetch(sim.app, base),
    sleep: async () => undefined,
    timeoutMs: 2000,
  })
  const blobs = createLocalBlobStore(await mkdtemp(join(tmpdir(), 'suite-blobs-')))
  const deps: Deps = { env, db, dingtalk, blobs, secret: 'test-secret-'.padEnd(48, 'x'), now: clock, jobHandlers: {} }
  const app = await buildApp(deps)
  const worker = createWorker({ db, handlers: deps.jobHandlers, now: clock })

  const credentialsFrom = (res: Awaited<ReturnType<App['inject']>>): TestCredentials => {
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`)
    const set = res.cookies.find((c) => c.name === 'suite_sid')
    if (!set) throw new Error('no session cookie')
    const csrf = (res.json() as { csrfToken: string }).csrfToken
    const cookie = `suite_sid=${set.value}`
    return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } }
  }

  return {
    app,
    db,
    sim,
    env,
    deps,
    worker,
    setNow(d) {
      fixed = d
    },
    async signIn(userId) {
      return credentialsFrom(await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { userId } }))
    },
    async signInWithDingTalk(dingtalkUserId) {
      const code = (
        await sim.app.inject({ method: 'POST', url: '/_test/auth-codes', payload: { userid: dingtalkUserId } })
      ).json<{ code: string }>().code
      return credentialsFrom(
        await app.inject({
          method: 'POST',
          url: '/api/auth/dingtalk',
          payload: { corpId: env.DINGTALK_CORP_ID, code },
        }),
      )
    },
    async close() {
      await app.close()
      await sim.app.close()
      await db.dropSchema()
    },
  }
}
export { stepUpWithDingTalk, enrolTotp, totpCode } from './step-up'
export { publishAsAdmin } from './lowcode'
