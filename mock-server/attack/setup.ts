import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import {
  DINGTALK_APP,
  PRODUCTION_SECRET,
  PUBLIC_URL,
  copyOf,
  provisionDb,
  seedData,
  signedCookie,
  startFakeDingTalk,
  startServer,
  type ProvisionedDb,
  type RunningServer,
} from './harness'

/** One attacked server as the test files see it. */
export interface AttackTarget {
  name: 'demo' | 'production'
  baseURL: string
  dataDir: string
  /** The harness's fake DingTalk this server talks to (not reachable through the suite's port). */
  dingtalkURL: string
  corpId: string
  /** The base every link the server writes must start with. */
  publicBase: string
  /** Production only: a signed cookie of a session that ended an hour ago. */
  expiredCookie: string | null
}

declare module 'vitest' {
  export interface ProvidedContext {
    targets: { demo: AttackTarget; production: AttackTarget }
    /** A bare development server with SIGN_IN_RATE_LIMIT_PER_MINUTE=5 and no trusted proxy, only for hammering sign-in. */
    rateLimitURL: string
    /** A migrated, seeded embedded database to copy as a DATA_DIR (null on PostgreSQL). */
    templateDir: string | null
  }
}

const dingtalkEnv = (url: string) => ({
  DINGTALK_API_BASE: url,
  DINGTALK_OAPI_BASE: url,
  DINGTALK_CORP_ID: DINGTALK_APP.corpId,
  DINGTALK_APP_KEY: DINGTALK_APP.appKey,
  DINGTALK_APP_SECRET: DINGTALK_APP.appSecret,
  DINGTALK_AGENT_ID: DINGTALK_APP.agentId,
})

/**
 * Start the servers every attack file shares, once per run:
 * - demo: development, the demo sign-in picker, demo data, the simulator mounted (without its
 *   test hooks) but the DingTalk client pointed at a fake the harness runs, so tests can read
 *   what "DingTalk" received;
 * - production: real settings, DingTalk = another harness fake, data loaded before start (as
 *   production refuses SEED_DEMO);
 * - a bare server with a sign-in limit of 5 a minute for the rate-limit attack alone.
 * Both main servers allow 1000 sign-ins a minute (every test signs in from 127.0.0.1) and 2 MiB
 * uploads (so "too big" is cheap to send).
 * The demo firm is loaded once into a template database that each server gets a copy of
 * (a new embedded database costs most of a start), or into a fresh PostgreSQL database each.
 */
export default async function setup(project: TestProject) {
  const started: RunningServer[] = []
  const dbs: ProvisionedDb[] = []
  const dirs: string[] = []
  const fakes = await Promise.all([startFakeDingTalk(), startFakeDingTalk()])
  const teardown = async () => {
    await Promise.all(started.map((s) => s.stop()))
    await Promise.all(dbs.map((d) => d.drop()))
    await Promise.all(fakes.map((f) => f.close()))
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
  try {
    const [fakeDemo, fakeProd] = fakes as [{ url: string }, { url: string }]
    // The project's env (attack: pglite, attack-pg: pg) is the workers'; the global setup reads it here.
    const kind = project.config.env?.ATTACK_DB ?? process.env.ATTACK_DB
    let template: string | null = null
    let expiredToken: string
    const data: { dir: string; env: Record<string, string> }[] = []
    if (kind === 'pg') {
      for (const label of ['demo', 'prod', 'limit']) {
        const db = await provisionDb(label, kind)
        dbs.push(db)
        const token = await seedData({ url: db.url! })
        if (label === 'prod') expiredToken = token
        data.push({ dir: mkdtempSync(join(tmpdir(), `attack-${label}-`)), env: db.env })
      }
    } else {
      template = mkdtempSync(join(tmpdir(), 'attack-template-'))
      dirs.push(template)
      expiredToken = await seedData({ dataDir: template })
      for (const label of ['demo', 'prod', 'limit']) data.push({ dir: copyOf(template, label), env: {} })
    }
    const [demoData, prodData, limitData] = data as [(typeof data)[0], (typeof data)[0], (typeof data)[0]]
    const results = await Promise.allSettled([
      startServer(
        'demo',
        {
          NODE_ENV: 'development',
          SEED_DEMO: 'true',
          DEV_SIGN_IN: 'true',
          SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
          UPLOAD_LIMIT_BYTES: String(2 * 1024 * 1024),
          ...dingtalkEnv(fakeDemo.url),
          ...demoData.env,
        },
        demoData.dir,
      ),
      startServer(
        'production',
        {
          NODE_ENV: 'production',
          SESSION_SECRET: PRODUCTION_SECRET,
          PUBLIC_URL,
          DINGTALK_SIMULATOR: 'false',
          SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
          UPLOAD_LIMIT_BYTES: String(2 * 1024 * 1024),
          ...dingtalkEnv(fakeProd.url),
          ...prodData.env,
        },
        prodData.dir,
      ),
      startServer(
        'ratelimit',
        {
          NODE_ENV: 'development',
          DEV_SIGN_IN: 'true',
          DINGTALK_SIMULATOR: 'false',
          SIGN_IN_RATE_LIMIT_PER_MINUTE: '5',
          ...limitData.env,
        },
        limitData.dir,
      ),
    ])
    for (const r of results) if (r.status === 'fulfilled') started.push(r.value)
    for (const r of results) if (r.status === 'rejected') throw r.reason
    const [demo, production, rateLimit] = started as [RunningServer, RunningServer, RunningServer]
    const corpId = DINGTALK_APP.corpId
    project.provide('targets', {
      demo: {
        name: 'demo',
        baseURL: demo.baseURL,
        dataDir: demo.dataDir,
        dingtalkURL: fakeDemo.url,
        corpId,
        publicBase: demo.baseURL,
        expiredCookie: null,
      },
      production: {
        name: 'production',
        baseURL: production.baseURL,
        dataDir: production.dataDir,
        dingtalkURL: fakeProd.url,
        corpId,
        publicBase: PUBLIC_URL,
        expiredCookie: signedCookie(expiredToken!, PRODUCTION_SECRET),
      },
    })
    project.provide('rateLimitURL', rateLimit.baseURL)
    project.provide('templateDir', template)
  } catch (e) {
    await teardown()
    throw e
  }
  return teardown
}
