// Start the real backend (mock-server/src/server.ts under tsx) on a free port for bench scripts:
// the same process `npm start` runs, with its own data directory unless DATABASE_URL is given.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const DEMO_CORP_ID = 'dingdemocorp0001'

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

/**
 * Start the backend and wait for /healthz. `env` is added to the process environment
 * (DATABASE_URL='' forces the embedded database in a fresh temporary directory).
 * Returns { baseURL, port, dataDir, child, output(), stop() }.
 */
export async function startBackend(env = {}, { timeoutMs = 120_000 } = {}) {
  const port = await freePort()
  const ownDir = env.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'suite-bench-'))
  const dataDir = env.DATA_DIR ?? ownDir
  let output = ''
  // `node --import tsx` keeps the server in this one process, so a kill reaches it (the tsx CLI
  // would run it in a child that outlives a SIGKILL).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: join(root, 'mock-server'),
    env: {
      ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', SEED_DEMO: 'true', DEV_SIGN_IN: 'true',
      // The bench plays the DingTalk client: it mints sign-in codes through the simulator's test hooks.
      DINGTALK_SIM_TEST_HOOKS: 'true', DATABASE_URL: '', ...env, PORT: String(port), DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (d) => { output += d })
  child.stderr.on('data', (d) => { output += d })
  const baseURL = `http://127.0.0.1:${port}`
  const until = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`backend exited with ${child.exitCode}:\n${output}`)
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) break
    } catch { /* not listening yet */ }
    if (Date.now() > until) {
      child.kill('SIGKILL')
      throw new Error(`backend did not become healthy in ${timeoutMs} ms:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    baseURL, port, dataDir, child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => { child.once('exit', r); setTimeout(r, 5000) })
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      if (ownDir) rmSync(ownDir, { recursive: true, force: true })
    },
  }
}

/** Sign in through the dev route; returns { cookie, csrf }. */
export async function devSignIn(baseURL, userId = 'u-chan') {
  const res = await fetch(`${baseURL}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })
  if (!res.ok) throw new Error(`dev sign-in as ${userId} failed: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]
  const { csrfToken } = await res.json()
  return { cookie, csrf: csrfToken }
}

/** Percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values, p) {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
