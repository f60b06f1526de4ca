import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import { Redis } from 'ioredis'
import { publicBase, readEnv, type Env } from './env'
import { openDb } from './db/db'
import { migrate } from './db/migrate'
import { buildApp, type App } from './app'
import { createDingTalkClient } from './dingtalk/client'
import { createLocalBlobStore } from './storage/blob-store'
import { buildSimulator } from './simulator/app'
import { mountSimulator } from './simulator/mount'
import { DEMO_DEPARTMENTS, demoSimUsers, isEmpty, seedDemo } from './seed'
import { loadSecret } from './secret'
import { createWorker } from './jobs/queue'
import type { Deps } from './deps'

let env: Env
try {
  env = readEnv()
} catch (e) {
  // A refusal to start is a message for whoever deploys, not a stack trace.
  process.stderr.write(`${(e as Error).message}\n`)
  process.exit(1)
}
const here = fileURLToPath(new URL('.', import.meta.url))
const dataDir = resolve(env.DATA_DIR)
const appsDir = resolve(env.APPS_DIR ?? join(here, '..', '..', 'apps'))

mkdirSync(dataDir, { recursive: true })
const db = await openDb({ url: env.DATABASE_URL, dataDir: join(dataDir, 'pglite') })
const applied = await migrate(db)
if (env.SEED_DEMO && (await isEmpty(db))) await seedDemo(db)

const sim = env.DINGTALK_SIMULATOR
  ? buildSimulator({
      corpId: env.DINGTALK_CORP_ID,
      appKey: env.DINGTALK_APP_KEY,
      appSecret: env.DINGTALK_APP_SECRET,
      users: demoSimUsers(),
      departments: DEMO_DEPARTMENTS,
      testHooks: env.DINGTALK_SIM_TEST_HOOKS,
    })
  : null
const simBase = `http://127.0.0.1:${env.PORT}/_sim/dingtalk`
const dingtalk = createDingTalkClient({
  apiBase: sim && !process.env.DINGTALK_API_BASE ? simBase : env.DINGTALK_API_BASE,
  oapiBase: sim && !process.env.DINGTALK_OAPI_BASE ? simBase : env.DINGTALK_OAPI_BASE,
  appKey: env.DINGTALK_APP_KEY,
  appSecret: env.DINGTALK_APP_SECRET,
  agentId: env.DINGTALK_AGENT_ID,
  timeoutMs: env.DINGTALK_TIMEOUT_MS,
})

const deps: Deps = {
  env,
  db,
  dingtalk,
  blobs: createLocalBlobStore(join(dataDir, 'blobs')),
  secret: await loadSecret(env.SESSION_SECRET, dataDir),
  now: () => new Date(),
  jobHandlers: {},
}
// Shared rate-limit counters when several instances run behind a load balancer.
const redis = env.REDIS_URL
  ? new Redis(env.REDIS_URL, { connectTimeout: 2000, maxRetriesPerRequest: 1, enableOfflineQueue: false })
  : undefined
// ioredis reconnects by itself; say once that the limits are off meanwhile (skipOnError lets requests through).
let redisDown = false
redis?.on('error', (e: Error) => {
  if (!redisDown)
    process.stderr.write(
      `Redis at REDIS_URL unreachable (${e.message}): rate limits are not enforced until it is back\n`,
    )
  redisDown = true
})
redis?.on('ready', () => {
  redisDown = false
})
const app = await buildApp(deps, {
  ...(redis ? { rateLimitRedis: redis } : {}),
  logger: {
    level: env.LOG_LEVEL,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
  },
  extend: async (a: App) => {
    if (sim) mountSimulator(a, sim.app)
    serveApps(a)
  },
})

/** Serve each built mini-app under /apps/<name>/ and send / to the portal, keeping ?corpId=. */
function serveApps(a: App): string[] {
  const names = existsSync(appsDir)
    ? readdirSync(appsDir).filter((n) => existsSync(join(appsDir, n, 'dist', 'index.html')))
    : []
  names.forEach((name, i) => {
    // preCompressed: the build writes .br / .gz beside each asset; the variant the browser
    // accepts is sent as it is (Vary: Accept-Encoding), so phones get ~4x fewer bytes at no CPU cost.
    void a.register(fastifyStatic, {
      root: join(appsDir, name, 'dist'),
      prefix: `/apps/${name}/`,
      decorateReply: i === 0,
      index: ['index.html'],
      maxAge: '1h',
      preCompressed: true,
      setHeaders: (res, path) => {
        const logical = path.replace(/\.(?:br|gz)$/, '')
        if (logical.endsWith('index.html')) res.header('cache-control', 'no-cache')
        else if (logical.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable')
      },
    })
    a.get(`/apps/${name}`, { schema: { hide: true } }, async (req, reply) =>
      reply.redirect(`/apps/${name}/${req.url.slice(`/apps/${name}`.length)}`),
    )
  })
  a.get('/', { schema: { hide: true } }, async (req, reply) => reply.redirect(`/apps/portal/${req.url.slice(1)}`))
  return names
}

try {
  await app.listen({ host: env.HOST, port: env.PORT })
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code
  if (code !== 'EADDRINUSE' && code !== 'EACCES') throw e
  process.stderr.write(
    code === 'EADDRINUSE'
      ? `Port ${env.PORT} on ${env.HOST} is already in use: stop what is using it, or set PORT to another port.\n`
      : `Not allowed to listen on port ${env.PORT} of ${env.HOST}: set PORT to a port above 1024.\n`,
  )
  process.exit(1)
}
const worker = createWorker({ db, handlers: deps.jobHandlers, log: app.log })
worker.start()
const base = publicBase(env)
const appNames = existsSync(appsDir)
  ? readdirSync(appsDir).filter((n) => existsSync(join(appsDir, n, 'dist', 'index.html')))
  : []
process.stdout.write(
  [
    '',
    `  DingTalk legal suite is running (${db.kind === 'pglite' ? `embedded database in ${dataDir}` : 'PostgreSQL'}${applied.length ? `, migrations ${applied.join(', ')} applied` : ''})`,
    `  Open: ${base}/?corpId=${env.DINGTALK_CORP_ID}`,
    ...appNames.map((n) => `    ${n.padEnd(16)} ${base}/apps/${n}/?corpId=${env.DINGTALK_CORP_ID}`),
    `  API:  ${base}/api/openapi.json   health: ${base}/healthz`,
    env.DEV_SIGN_IN ? '  Demo sign-in picker is ON (DEV_SIGN_IN=true): never use this setting for a real firm.' : '',
    '',
  ].join('\n') + '\n',
)

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    void worker
      .stop()
      .then(() => app.close())
      .then(() => db.close())
      .then(() => redis?.quit())
      .finally(() => process.exit(0))
  })
}
