import { beforeAll, describe, expect, inject, it } from 'vitest'
import { DINGTALK_APP, PRODUCTION_SECRET, PUBLIC_URL, copyOf, tryStart, type StartOutcome } from './harness'

/**
 * A production server must refuse, at start, every setting that would let an outsider in:
 * one line naming the variable, exit code 1, no stack trace, and quickly (before it opens a
 * database or a port). The valid settings are started first, so each refusal is known to come
 * from the one setting the case changes.
 */

const VALID: Record<string, string> = {
  NODE_ENV: 'production',
  SESSION_SECRET: PRODUCTION_SECRET,
  PUBLIC_URL,
  DINGTALK_SIMULATOR: 'false',
  DINGTALK_CORP_ID: DINGTALK_APP.corpId,
  DINGTALK_AGENT_ID: DINGTALK_APP.agentId,
  DINGTALK_APP_KEY: DINGTALK_APP.appKey,
  DINGTALK_APP_SECRET: DINGTALK_APP.appSecret,
  // Never called at start; a closed port, so nothing real is ever reached.
  DINGTALK_API_BASE: 'http://127.0.0.1:9',
  DINGTALK_OAPI_BASE: 'http://127.0.0.1:9',
}

const without = (name: string) => Object.fromEntries(Object.entries(VALID).filter(([k]) => k !== name))

const UNSAFE: [string, string, Record<string, string>][] = [
  ['the simulator (it signs in whoever asks)', 'DINGTALK_SIMULATOR', { ...VALID, DINGTALK_SIMULATOR: 'true' }],
  [
    'the simulator test hooks (they mint sign-in codes)',
    'DINGTALK_SIM_TEST_HOOKS',
    { ...VALID, DINGTALK_SIM_TEST_HOOKS: 'true' },
  ],
  ['the demo sign-in picker', 'DEV_SIGN_IN', { ...VALID, DEV_SIGN_IN: 'true' }],
  ['demo data', 'SEED_DEMO', { ...VALID, SEED_DEMO: 'true' }],
  ['no PUBLIC_URL (links would follow the Host header)', 'PUBLIC_URL', without('PUBLIC_URL')],
  ['no SESSION_SECRET', 'SESSION_SECRET', without('SESSION_SECRET')],
  ['the demo DingTalk app secret', 'DINGTALK_APP_SECRET', without('DINGTALK_APP_SECRET')],
]

/** Run starts two at a time (a 2-core machine; each start compiles the server). */
async function inPairs<T, R>(items: T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(fn))))
  return out
}

const outcomes = new Map<string, StartOutcome>()
let control: StartOutcome

beforeAll(async () => {
  // The control gets a copy of the harness's seeded database (a new one takes most of a start).
  const template = inject('templateDir')
  const [valid, ...refused] = await inPairs([VALID, ...UNSAFE.map(([, , env]) => env)], (env) =>
    tryStart(env, env === VALID && template ? copyOf(template, 'control') : undefined),
  )
  control = valid!
  UNSAFE.forEach(([, name], i) => outcomes.set(name, refused[i]!))
}, 240_000)

describe('production refuses unsafe settings at start', () => {
  it('starts with the valid production settings (the control for every refusal below)', () => {
    expect(control.started, control.stderr).toBe(true)
  })

  it.each(UNSAFE)('refuses %s: exit 1, one line naming %s, no stack trace', (_what, name) => {
    const o = outcomes.get(name)!
    expect(o.started, `the server came up with ${name} unsafe`).toBe(false)
    expect(o.code).toBe(1)
    expect(o.stderr).toContain(name)
    expect(o.stderr).not.toMatch(/^\s+at /m)
    expect(o.ms).toBeLessThan(20_000)
  })
})
