import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sign } from '@fastify/cookie'
import pg from 'pg'
import { DEMO_ORG } from '@suite/domain/testing'
import { openDb } from '../src/db/db'
import { migrate } from '../src/db/migrate'
import { openSession } from '../src/auth/sessions'
import { DEMO_DEPARTMENTS, demoSimUsers, seedDemo } from '../src/seed'
import { buildSimulator } from '../src/simulator/app'
import { freePort, startServerProcess, type ServerProcess } from '../../scripts/lib/server.mjs'

export { freePort }

/**
 * Runs the real backend as a separate process, the way a firm deploys it, so the attack suite
 * only ever talks to it over HTTP. ATTACK_SERVER_DIR points at another checkout's mock-server
 * (e.g. the last commit, to show which attacks the current fixes stop).
 */
export const serverDir = resolve(process.env.ATTACK_SERVER_DIR ?? fileURLToPath(new URL('..', import.meta.url)))

/** The DingTalk app every attacked server is configured with (the fake DingTalk knows the same). */
export const DINGTALK_APP = {
  corpId: DEMO_ORG.corpId,
  appKey: 'attack-app-key',
  appSecret: 'attack-app-secret-0123456789',
  agentId: '4000000042',
}
export const PUBLIC_URL = 'https://suite.example-firm.hk'
/** The production server's cookie key: the suite never shows it; the harness forges test cookies with it. */
export const PRODUCTION_SECRET = 'attack-production-session-secret-0123456789abcdef'

/** Only what a server needs from the parent: never the test runner's NODE_ENV, DATABASE_URL or secrets. */
function baseEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), LOG_LEVEL: 'warn', TZ: 'UTC' }
}

/** A backend process started by {@link startServer}. */
export type RunningServer = Pick<ServerProcess, 'baseURL' | 'dataDir' | 'output' | 'stop'> & { pid: number }

/** Start `src/server.ts` of {@link serverDir} with exactly `env` (plus PATH/HOME) and wait for /healthz. */
export async function startServer(
  name: string,
  env: Record<string, string>,
  dataDir = mkdtempSync(join(tmpdir(), `attack-${name}-`)),
): Promise<RunningServer> {
  const server = await startServerProcess({
    serverDir,
    inherit: false,
    dataDir,
    removeDataDir: true,
    label: `attack-${name}`,
    env: { LOG_LEVEL: 'warn', TZ: 'UTC', ...env },
  })
  return { ...server, pid: server.pid! }
}

/** SIGTERM the one process we started, SIGKILL it if it lingers. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

/** How a server start ended: it refused (exited) or it came up (then it was stopped). */
export interface StartOutcome {
  started: boolean
  code: number | null
  stderr: string
  ms: number
}

/** Start a server that should refuse its settings: wait until it exits, or answers /healthz (then stop it). */
export async function tryStart(
  env: Record<string, string>,
  dataDir = mkdtempSync(join(tmpdir(), 'attack-config-')),
  timeoutMs = 60_000,
): Promise<StartOutcome> {
  const port = await freePort()
  const began = Date.now()
  const child = spawn(join(serverDir, 'node_modules/.bin/tsx'), ['src/server.ts'], {
    cwd: serverDir,
    env: { ...baseEnv(), HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d) => {
    stderr += d
  })
  child.stdout!.resume()
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)))
  let started = false
  try {
    while (Date.now() - began < timeoutMs && child.exitCode === null && child.signalCode === null) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) {
          started = true
          break
        }
      } catch {
        /* not listening */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 200))])
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) await kill(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { started, code: started ? null : await exited, stderr, ms: Date.now() - began }
}

/**
 * A fake DingTalk on its own port, run by the harness: the suite calls it for tokens, users and
 * work notifications; tests mint sign-in codes and read what was sent through its /_test hooks,
 * which the attacker (who only reaches the suite's port) cannot.
 */
export async function startFakeDingTalk(): Promise<{ url: string; close(): Promise<void> }> {
  const sim = buildSimulator({
    ...DINGTALK_APP,
    users: demoSimUsers(),
    departments: DEMO_DEPARTMENTS,
    testHooks: true,
  } as Parameters<typeof buildSimulator>[0])
  const port = await freePort()
  await sim.app.listen({ host: '127.0.0.1', port })
  return { url: `http://127.0.0.1:${port}`, close: () => sim.app.close() }
}

/** Where a server keeps its data: the embedded database in its DATA_DIR, or a fresh PostgreSQL database. */
export interface ProvisionedDb {
  env: Record<string, string>
  url: string | undefined
  drop(): Promise<void>
}

/** ATTACK_DB=pg: a new database `attack_<random>` on TEST_DATABASE_URL's server, dropped afterwards. */
export async function provisionDb(label: string, kind: string | undefined): Promise<ProvisionedDb> {
  if (kind !== 'pg') return { env: {}, url: undefined, async drop() {} }
  const admin = process.env.TEST_DATABASE_URL
  if (!admin) throw new Error('ATTACK_DB=pg needs TEST_DATABASE_URL')
  const name = `attack_${label}_${randomBytes(4).toString('hex')}`
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin })
    await c.connect()
    try {
      await c.query(sql)
    } finally {
      await c.end()
    }
  }
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    env: { DATABASE_URL: url.toString() },
    url: url.toString(),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

/**
 * Load the demo firm into a new database, as an operator's migration would (production refuses
 * SEED_DEMO). Also leaves one session that ended an hour ago, since nobody can wait out a real
 * one from outside; returns its token.
 */
export async function seedData(opts: { url: string } | { dataDir: string }): Promise<string> {
  const db = await openDb('url' in opts ? { url: opts.url } : { dataDir: join(opts.dataDir, 'pglite') })
  try {
    await migrate(db)
    await seedDemo(db)
    const opened = await db.tx((q) =>
      openSession(q, { userId: 'u-lee', method: 'dingtalk', ttlMinutes: 5, now: new Date(Date.now() - 3_600_000) }),
    )
    return opened.token
  } finally {
    await db.close()
  }
}

/** The cookie a browser would still hold for `token` on a server whose key is `secret`. */
export const signedCookie = (token: string, secret: string) => `suite_sid=${encodeURIComponent(sign(token, secret))}`

/**
 * A new embedded database takes PGlite most of a server's start-up: the harness makes one
 * (migrated, seeded) and gives each server a copy of it as its DATA_DIR.
 */
export function copyOf(templateDir: string, label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `attack-${label}-`))
  cpSync(templateDir, dir, { recursive: true })
  return dir
}

/** Every file under a directory, recursively (the content store's blobs). */
export function filesUnder(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return []
  }
  return entries.flatMap((e) => {
    const p = join(dir, e)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}
