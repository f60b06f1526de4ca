import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { testDbKind } from './testing'

/**
 * The real server (tsx src/server.ts) on the embedded database, SIGKILLed while partners keep
 * creating cases, then started again on the same data directory: every case the API
 * acknowledged (201) is there, nothing is half-written (each case has its member row and its
 * audit entry) and the audit chain verifies. This is PGlite's durability across a hard kill,
 * which the quick start and single-machine installs rely on.
 */

const serverDir = fileURLToPath(new URL('..', import.meta.url))
const dataDir = mkdtempSync(join(tmpdir(), 'suite-kill-'))
const children: ChildProcess[] = []

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

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

/** Start the server on `dataDir` and wait until it answers /healthz. */
async function start(): Promise<{ base: string; child: ChildProcess; log: () => string }> {
  const port = await freePort()
  let log = ''
  // `node --import tsx`, not the tsx CLI: the CLI runs the server in a child process, and a
  // SIGKILL to the CLI would leave that child running on the data directory.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED_DEMO: 'true',
      DEV_SIGN_IN: 'true',
      LOG_LEVEL: 'warn',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  child.stdout!.on('data', (d) => {
    log += d
  })
  child.stderr!.on('data', (d) => {
    log += d
  })
  const base = `http://127.0.0.1:${port}`
  const until = Date.now() + 90_000
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited ${child.exitCode ?? child.signalCode}:\n${log}`)
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) })).ok)
        return { base, child, log: () => log }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`server did not start:\n${log}`)
}

/** Resolves once `child` has ended (by exit code or by signal), even if that already happened. */
const exited = (child: ChildProcess) =>
  new Promise<void>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r()
    else child.once('exit', () => r())
  })

/** fetch with a time limit, so a stuck server fails the test instead of hanging it. */
const call = (url: string, init: RequestInit = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(30_000) })

async function signIn(base: string, userId: string): Promise<Record<string, string>> {
  const res = await call(`${base}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  expect(res.status).toBe(200)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie, 'x-csrf-token': csrfToken }
}

describe.skipIf(testDbKind() !== 'pglite')('the backend killed with SIGKILL during writes', () => {
  it('keeps every acknowledged write and a valid audit chain after a restart', async () => {
    const first = await start()
    const partner = await signIn(first.base, 'u-chan')
    const acked: { id: string; number: string }[] = []
    const statuses: Record<string, number> = {}
    let sent = 0
    let killed = false
    // Eight writers in parallel; the kill lands while several requests are in flight.
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const number = `KILL ${w}-${i}/2026`
        sent++
        try {
          const res = await call(`${first.base}/api/cases`, {
            method: 'POST',
            headers: { ...partner, 'content-type': 'application/json' },
            body: JSON.stringify({ number, title: `Durability ${w}-${i}`, clientName: 'SIGKILL Ltd' }),
          })
          statuses[res.status] = (statuses[res.status] ?? 0) + 1
          if (res.status === 201) acked.push({ id: ((await res.json()) as { id: string }).id, number })
          else if (!killed) throw new Error(`POST /api/cases answered ${res.status}: ${await res.text()}`)
        } catch (e) {
          if (!killed) throw e
          return // the connection died with the server: outcome unknown, not acknowledged
        }
      }
    }
    const writers = Array.from({ length: 8 }, (_, w) => writer(w))
    const failed = Promise.all(writers).then(() => {
      throw new Error('writers stopped before the kill')
    })
    const enough = (async () => {
      while (acked.length < 60) await new Promise((r) => setTimeout(r, 20))
    })()
    await Promise.race([enough, failed])
    first.child.kill('SIGKILL')
    killed = true
    await Promise.allSettled(writers)
    await exited(first.child)
    expect(first.child.signalCode).toBe('SIGKILL')

    const second = await start()
    try {
      // The old session cookie still works: sessions are rows, not process memory.
      const owned: { number: string }[] = []
      let cursor: string | null = null
      do {
        const res = await call(
          `${second.base}/api/cases?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { headers: { cookie: partner.cookie! } },
        )
        expect(res.status).toBe(200)
        const page = (await res.json()) as { items: { number: string }[]; nextCursor: string | null }
        owned.push(...page.items)
        cursor = page.nextCursor
      } while (cursor)
      const present = new Set(owned.map((c) => c.number))
      const lost = acked.filter((a) => !present.has(a.number))
      expect(lost, `acknowledged but lost after SIGKILL (${acked.length} acknowledged, ${sent} sent)`).toEqual([])

      // Nothing half-written: every durability case that exists has exactly one case.create entry.
      const compliance = await signIn(second.base, 'u-ng')
      const created = new Set<string>()
      let auditCursor: string | null = null
      do {
        const res = await call(
          `${second.base}/api/audit?action=case.create&limit=500${auditCursor ? `&cursor=${encodeURIComponent(auditCursor)}` : ''}`,
          { headers: { cookie: compliance.cookie! } },
        )
        expect(res.status).toBe(200)
        const page = (await res.json()) as { items: { detail: { number?: string } }[]; nextCursor: string | null }
        for (const e of page.items) if (e.detail.number) created.add(e.detail.number)
        auditCursor = page.nextCursor
      } while (auditCursor)
      const killCases = owned.filter((c) => c.number.startsWith('KILL '))
      expect(killCases.filter((c) => !created.has(c.number))).toEqual([])
      expect([...created].filter((n) => n.startsWith('KILL ') && !present.has(n))).toEqual([])

      const verify = await call(`${second.base}/api/audit/verify`, { headers: { cookie: compliance.cookie! } })
      const verdict = (await verify.json()) as { ok: boolean; checked: number }
      expect(verdict.ok).toBe(true)
      expect(verdict.checked).toBeGreaterThan(acked.length)

      // And it still takes writes.
      const after = await call(`${second.base}/api/cases`, {
        method: 'POST',
        headers: { ...partner, 'content-type': 'application/json' },
        body: JSON.stringify({ number: 'KILL after/2026', title: 'After the restart' }),
      })
      expect(after.status).toBe(201)
    } finally {
      second.child.kill('SIGTERM')
      await Promise.race([exited(second.child), new Promise((r) => setTimeout(r, 5000))])
      if (second.child.exitCode === null && second.child.signalCode === null) second.child.kill('SIGKILL')
    }
  }, 180_000)
})
