import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { DEMO_ORG } from '@suite/domain/testing'

const root = fileURLToPath(new URL('../..', import.meta.url))

declare module 'vitest' {
  export interface ProvidedContext { baseURL: string; corpId: string }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 90_000
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`backend exited with ${child.exitCode}:\n${log()}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`backend did not become healthy:\n${log()}`)
}

/** Start the real backend on a free port with a fresh embedded database and the demo org. */
export default async function setup(project: TestProject) {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'suite-e2e-'))
  let output = ''
  const child = spawn(join(root, 'mock-server/node_modules/.bin/tsx'), ['src/server.ts'], {
    cwd: join(root, 'mock-server'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', DEV_SIGN_IN: 'true',
      // The fake DingTalk clients mint sign-in codes through the simulator's test hooks.
      DINGTALK_SIM_TEST_HOOKS: 'true',
      // Every spec signs in from 127.0.0.1; the per-IP sign-in limit (tested in the server tests) would trip here.
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000', LOG_LEVEL: 'warn', NODE_ENV: 'development', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => { output += d })
  child.stderr!.on('data', (d) => { output += d })
  const baseURL = `http://127.0.0.1:${port}`
  await waitHealthy(baseURL, child, () => output)
  project.provide('baseURL', baseURL)
  project.provide('corpId', DEMO_ORG.corpId)

  return async () => {
    // The audit chain must still verify after everything the run did.
    try {
      const verdict = await verifyAuditChain(baseURL)
      if (!verdict.ok) throw new Error(`audit chain broken after the e2e run: ${JSON.stringify(verdict)}`)
      process.stdout.write(`\naudit chain verified after the e2e run: ${verdict.checked} entries, head ${String(verdict.headHash).slice(0, 12)}…\n`)
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => setTimeout(r, 500))
      if (child.exitCode === null) child.kill('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

async function verifyAuditChain(baseURL: string): Promise<{ ok: boolean; checked: number; headHash: string | null }> {
  const signIn = await fetch(`${baseURL}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'u-ng' }) })
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!
  const res = await fetch(`${baseURL}/api/audit/verify`, { headers: { cookie } })
  if (!res.ok) throw new Error(`audit verify answered ${res.status}: ${await res.text()}`)
  return res.json() as Promise<{ ok: boolean; checked: number; headHash: string | null }>
}
