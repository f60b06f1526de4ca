// @vitest-environment node
import { randomUUID } from 'node:crypto'
import { createApiClient } from '@suite/api-client'
import { createTestApp, type TestApp } from '@suite/mock-server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flakyInjectAdapter, seededRandom } from '../testing/flaky-inject-adapter'
import { createMemoryStore } from './memory-store'
import { createOutbox, type Outbox } from './outbox'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, 120_000)
afterAll(async () => {
  await t?.close()
})

const N = 1000
const PNG = (i: number) =>
  new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), `screenshot ${i}`], { type: 'image/png' })

describe('the outbox over a network that drops at random', () => {
  it(`delivers ${N} reports, none lost and none stored twice, across reloads`, async () => {
    const who = await t.signIn('u-cheung')
    const random = seededRandom(20261122)
    const { adapter, stats } = flakyInjectAdapter(t.app, {
      dropBefore: 0.15,
      dropAfter: 0.15,
      gatewayError: 0.05,
      random,
      cookie: who.cookie,
    })
    // Few client-level retries: most recovery must come from the outbox itself.
    const api = createApiClient({ baseURL: 'http://app.test/api', adapter, retries: 1, sleep: async () => undefined })
    api.setCsrfToken(who.csrf)
    const store = createMemoryStore()
    const transport = {
      upload: (b: Blob) => api.support.uploadAttachment(b),
      submit: (k: string, body: Parameters<typeof api.support.submitReport>[1]) => api.support.submitReport(k, body),
    }
    const open = () =>
      createOutbox({
        store,
        transport,
        newKey: randomUUID,
        baseDelayMs: 0,
        maxDelayMs: 0,
        random,
        setTimer: () => () => undefined,
      })

    let outbox: Outbox = open()
    const expected = new Map<string, string>()
    for (let i = 0; i < N; i++) {
      const identifier = `+852 6${String(i).padStart(7, '0')}`
      const files =
        i % 100 === 7 ? [{ localId: `local-${i}`, name: `sms-${i}.png`, mime: 'image/png', blob: PNG(i) }] : []
      const values = {
        identifierKind: 'phone',
        identifier,
        channel: 'sms',
        claimedIdentity: 'dingtalk_support',
        complied: 'no',
        askedFor: ['one_time_code'],
        ...(files.length
          ? { screenshots: [{ id: `local-${i}`, name: `sms-${i}.png`, size: 20, mime: 'image/png' }] }
          : {}),
      }
      const item = await outbox.add({ formVersion: 1, values, files, summary: identifier })
      expected.set(item.key, identifier)
      // A reload every 97 reports, while requests may be in flight: the old page writes nothing more.
      if (i % 97 === 96) {
        outbox.stop()
        outbox = open()
        void outbox.start()
      }
    }
    for (let round = 0; round < 50; round++) {
      await outbox.flush()
      if (outbox.items().every((x) => x.state !== 'queued')) break
    }

    const items = outbox.items()
    expect(items).toHaveLength(N)
    expect(items.filter((x) => x.state !== 'sent').map((x) => [x.key, x.state, x.lastError])).toEqual([])
    // The network really did lose answers of requests the server had processed.
    expect(stats.droppedAfter).toBeGreaterThan(50)
    expect(stats.droppedBefore).toBeGreaterThan(50)

    const { rows } = await t.db.query<{ idempotency_key: string; id: string; identifier: string; n: number }>(
      `SELECT idempotency_key, id, identifier, (SELECT count(*)::int FROM support_report_attachments a WHERE a.report_id = r.id) AS n
       FROM support_reports r WHERE reporter_id = 'u-cheung'`,
    )
    expect(rows).toHaveLength(N)
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r]))
    expect(byKey.size).toBe(N)
    for (const x of items) {
      const row = byKey.get(x.key)
      expect(row?.identifier).toBe(expected.get(x.key))
      expect(row?.id).toBe(x.reportId)
    }
    expect(rows.filter((r) => r.n === 1)).toHaveLength(10)
    const audits = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'support.report.create'",
    )
    expect(audits.rows[0]!.n).toBe(N)
  }, 600_000)
})
