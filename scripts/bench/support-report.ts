/**
 * Fake-support reporting figures (issue 6 "Bench"): how long the instant check takes from a
 * typed contact to a verdict (the heuristics alone, per check), the server round trip of a
 * report submission over HTTP (new reports and idempotent replays), and the report app's
 * initial JS + CSS when it has been built.
 * Writes `.bench/support-report.json` as rows of { name, value, unit, note? }.
 *
 * Run: mock-server/node_modules/.bin/tsx scripts/bench/support-report.ts
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { checkIdentifier, type CheckLists } from '@suite/scam-check'
import { devSignIn, percentile, root, startBackend } from '../lib/server.mjs'
import { initialAssets, sizes } from '../lib/bundles.mjs'

interface Row {
  name: string
  value: number
  unit: string
  note?: string
}
const rows: Row[] = []
const add = (name: string, value: number, unit: string, note?: string) => {
  rows.push({ name, value: Math.round(value * 1000) / 1000, unit, ...(note ? { note } : {}) })
  process.stdout.write(`  ${name}: ${rows[rows.length - 1]!.value} ${unit}\n`)
}
const N_CHECKS = Number(process.env.BENCH_CHECKS ?? 20_000)
const N_REPORTS = Number(process.env.BENCH_REPORTS ?? 300)

/** Contacts people paste: numbers in every spelling, lookalikes, punycode, IPs, plain http, emails. */
const INPUTS = [
  '+852 9123 4567',
  '00852-6123-4567',
  '6612 3456',
  '+853 6612 3456',
  '13812345678',
  '+44 20 7946 0958',
  'https://www.dingtalk.com/help',
  'http://dingtaIk.com/login',
  'dingta1k.com',
  'https://dingtаlk.com/verify',
  'https://xn--dingtlk-9ve.com',
  'http://dingtalk.com.support-hk.top/account',
  'https://hk-dingtalk-service.com',
  'http://203.0.113.7/pay',
  'http://3405803783/',
  'https://dingtalk.com@evil.example/',
  'support@dingtaIk.com',
  'dingtalk.service@gmail.com',
  'https://example.org/path?q=1',
  'WeChat dt_help_hk',
]
/** Lists of a firm that has been running a while: 40 official channels, 5,000 known scams. */
const lists: CheckLists = {
  official: [
    { kind: 'url', value: 'dingtalk.com', label: 'DingTalk' },
    ...Array.from({ length: 39 }, (_, i) => ({
      kind: 'phone' as const,
      value: `+8522${String(1000000 + i).slice(1)}`,
      label: `Line ${i}`,
    })),
  ],
  knownScams: Array.from({ length: 5000 }, (_, i) =>
    i % 2
      ? { kind: 'phone' as const, value: `+8526${String(1000000 + i).slice(1)}` }
      : { kind: 'url' as const, value: `scam-${i}.top` },
  ),
}

function checks(): void {
  process.stdout.write(
    `instant check, heuristics only (${N_CHECKS} checks over ${INPUTS.length} kinds of input, 5,000 known scams)\n`,
  )
  for (let i = 0; i < 2000; i++) checkIdentifier(INPUTS[i % INPUTS.length]!, lists, { claimsDingTalk: true })
  const times: number[] = []
  for (let i = 0; i < N_CHECKS; i++) {
    const t = performance.now()
    checkIdentifier(INPUTS[i % INPUTS.length]!, lists, { claimsDingTalk: true })
    times.push(performance.now() - t)
  }
  add('instant check to verdict, mean', times.reduce((a, b) => a + b, 0) / times.length, 'ms/check')
  add('instant check to verdict, p95', percentile(times, 95), 'ms/check')
  add('instant check to verdict, p99', percentile(times, 99), 'ms/check')
  // The first check after the page loads pays for building the lookups.
  const t = performance.now()
  checkIdentifier('http://dingtaIk.com.support-hk.top/', {
    official: lists.official,
    knownScams: lists.knownScams.slice(0, 10),
  })
  add('instant check, a cold-ish check with fresh lists', performance.now() - t, 'ms')
}

async function submissions(): Promise<void> {
  process.stdout.write(
    `report submission round trip (${N_REPORTS} sequential, HTTP to a listening backend on the embedded database)\n`,
  )
  const server = await startBackend()
  try {
    const { cookie, csrf } = await devSignIn(server.baseURL, 'u-cheung')
    const post = async (key: string, n: number) => {
      const res = await fetch(`${server.baseURL}/api/support/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, 'idempotency-key': key },
        body: JSON.stringify({
          formVersion: 1,
          reportedAt: '2026-11-20T02:00:00.000Z',
          values: {
            identifierKind: 'phone',
            identifier: `+852 6${String(n).padStart(7, '0')}`,
            channel: 'call',
            claimedIdentity: 'dingtalk_support',
            complied: 'no',
            askedFor: ['one_time_code'],
            message: '你好，我係釘釘客服',
          },
        }),
      })
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`report answered ${res.status}: ${await res.text()}`)
      await res.arrayBuffer()
    }
    for (let i = 0; i < 20; i++) await post(randomUUID(), 9_000_000 + i)
    const keys: string[] = []
    const created: number[] = []
    for (let i = 0; i < N_REPORTS; i++) {
      const key = randomUUID()
      keys.push(key)
      const t = performance.now()
      await post(key, i)
      created.push(performance.now() - t)
    }
    add('report submission round trip (new report), p50', percentile(created, 50), 'ms')
    add('report submission round trip (new report), p95', percentile(created, 95), 'ms')
    const replayed: number[] = []
    for (let i = 0; i < Math.min(100, N_REPORTS); i++) {
      const t = performance.now()
      await post(keys[i]!, i)
      replayed.push(performance.now() - t)
    }
    add('report submission round trip (retry of a stored report), p50', percentile(replayed, 50), 'ms')
  } finally {
    await server.stop()
  }
}

function bundle(): void {
  const dist = join(root, 'apps/support-report/dist')
  if (!existsSync(join(dist, 'index.html'))) {
    process.stdout.write(
      'apps/support-report is not built: no bundle figures (pnpm --filter @suite/support-report build)\n',
    )
    return
  }
  const files = initialAssets(dist)
  const js = sizes(files.filter((f: string) => f.endsWith('.js')))
  const css = sizes(files.filter((f: string) => f.endsWith('.css')))
  add('support-report initial JS, gzip', js.gz / 1024, 'KiB')
  add('support-report initial CSS, gzip', css.gz / 1024, 'KiB')
}

checks()
await submissions()
bundle()
mkdirSync(join(root, '.bench'), { recursive: true })
writeFileSync(join(root, '.bench/support-report.json'), `${JSON.stringify(rows, null, 2)}\n`)
process.stdout.write('wrote .bench/support-report.json\n')
