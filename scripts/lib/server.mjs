// Start the real backend (mock-server/src/server.ts under tsx) on a free port: the same process
// `npm start` runs, for the bench, the end-to-end tests and the attack suite.
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
 * Start `mock-server/src/server.ts` as its own process on a free loopback port and wait for
 * /healthz: the one way the e2e tests, the attack suite and the bench start the real backend.
 * `env` is exactly what the server gets on top of PORT, HOST and DATA_DIR, plus this process's
 * environment unless `inherit` is false (the attack suite gives it nothing else). Without a
 * `dataDir` a temporary one is made and removed at `stop()`. A server that exits before it is
 * healthy, or is not healthy in `timeoutMs`, rejects with its output.
 */
export async function startServerProcess({
  env = {},
  serverDir = join(root, 'mock-server'),
  inherit = true,
  dataDir,
  removeDataDir = !dataDir,
  timeoutMs = 120_000,
  label = 'suite',
} = {}) {
  const port = await freePort()
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), `${label}-`))
  let output = ''
  // `node --import tsx` keeps the server in this one process, so a kill reaches it (the tsx CLI
  // would run it in a child that outlives a SIGKILL).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: serverDir,
    env: {
      ...(inherit ? process.env : { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir() }),
      HOST: '127.0.0.1',
      ...env,
      PORT: String(port),
      DATA_DIR: dir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (d) => {
    output += d
  })
  child.stderr.on('data', (d) => {
    output += d
  })
  const baseURL = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    if (removeDataDir) rmSync(dir, { recursive: true, force: true })
  }
  const until = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop()
      throw new Error(`backend exited with ${child.exitCode ?? child.signalCode}:\n${output}`)
    }
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) break
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      await stop()
      throw new Error(`backend did not become healthy in ${timeoutMs} ms:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return { baseURL, port, dataDir: dir, child, pid: child.pid, output: () => output, stop }
}

/**
 * The backend as the bench runs it: development settings with the demo firm, the demo sign-in
 * and the simulator's test hooks (the bench plays the DingTalk client and mints sign-in codes).
 * `env` is added on top (DATABASE_URL='' forces the embedded database in a fresh directory).
 */
export function startBackend(env = {}, { timeoutMs = 120_000 } = {}) {
  const { DATA_DIR, ...rest } = env
  return startServerProcess({
    env: {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      DEV_SIGN_IN: 'true',
      DINGTALK_SIM_TEST_HOOKS: 'true',
      DATABASE_URL: '',
      ...rest,
    },
    dataDir: DATA_DIR,
    timeoutMs,
    label: 'suite-bench',
  })
}

/** Sign in through the dev route; returns { cookie, csrf }. */
export async function devSignIn(baseURL, userId = 'u-chan') {
  const res = await fetch(`${baseURL}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
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
