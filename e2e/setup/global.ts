import type { TestProject } from 'vitest/node'
import { DEMO_ORG } from '@suite/domain/testing'
import { startServerProcess } from '../../scripts/lib/server.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    corpId: string
  }
}

/** Start the real backend on a free port with a fresh embedded database and the demo org. */
export default async function setup(project: TestProject) {
  const server = await startServerProcess({
    label: 'suite-e2e',
    env: {
      SEED_DEMO: 'true',
      DEV_SIGN_IN: 'true',
      // The fake DingTalk clients mint sign-in codes through the simulator's test hooks.
      DINGTALK_SIM_TEST_HOOKS: 'true',
      // Every spec signs in from 127.0.0.1; the per-IP sign-in limit (tested in the server tests) would trip here.
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DATABASE_URL: '',
    },
    timeoutMs: 90_000,
  })
  const baseURL = server.baseURL
  project.provide('baseURL', baseURL)
  project.provide('corpId', DEMO_ORG.corpId)

  return async () => {
    // The audit chain must still verify after everything the run did.
    try {
      const verdict = await verifyAuditChain(baseURL)
      if (!verdict.ok) throw new Error(`audit chain broken after the e2e run: ${JSON.stringify(verdict)}`)
      process.stdout.write(
        `\naudit chain verified after the e2e run: ${verdict.checked} entries, head ${String(verdict.headHash).slice(0, 12)}…\n`,
      )
    } finally {
      await server.stop()
    }
  }
}

async function verifyAuditChain(baseURL: string): Promise<{ ok: boolean; checked: number; headHash: string | null }> {
  const signIn = await fetch(`${baseURL}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'u-ng' }),
  })
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!
  const res = await fetch(`${baseURL}/api/audit/verify`, { headers: { cookie } })
  if (!res.ok) throw new Error(`audit verify answered ${res.status}: ${await res.text()}`)
  return res.json() as Promise<{ ok: boolean; checked: number; headHash: string | null }>
}
