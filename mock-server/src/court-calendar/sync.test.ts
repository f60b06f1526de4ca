import type { Deadline, Hearing } from '@suite/domain'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../db/db'
import { createTestApp, type TestApp } from '../testing'
import { COURT_TEST_ENV, courtCaller, drainAll, liveEvents } from './test-helpers'
import { SYNC_JOB } from './changes'

let t: TestApp
const START = new Date('2026-03-02T02:00:00Z')
const CASE = 'case-hca-1234'
const LAWYERS = ['u-chan', 'u-lee', 'u-cheung']
const UNION: Record<string, string> = {}
const NO_FAULTS = { mode: 'none' as const, probability: 1, paths: [], delayMs: 0 }

beforeAll(async () => {
  t = await createTestApp({ env: COURT_TEST_ENV })
  t.setNow(START)
  for (const r of (
    await t.db.query<{ id: string; dingtalk_union_id: string }>('SELECT id, dingtalk_union_id FROM users')
  ).rows)
    UNION[r.id] = r.dingtalk_union_id
  // Fast pacing for tests; the default (15 calls/s) is for the real DingTalk.
  const lam = await courtCaller(t, 'u-lam')
  const s = await lam('GET', '/settings')
  await lam('PUT', '/settings', { ...s, syncCallsPerSecond: 100 })
})
afterAll(async () => {
  await t.close()
})
beforeEach(() => {
  t.sim.state.faults = NO_FAULTS
})

let seq = 0
async function makeItems(
  n: number,
  marker: string,
  lawyerIds = LAWYERS,
): Promise<{ hearings: Hearing[]; deadlines: Deadline[] }> {
  const chan = await courtCaller(t, 'u-chan')
  const hearings: Hearing[] = []
  const deadlines: Deadline[] = []
  for (let i = 0; i < n; i++) {
    const day = String(1 + (seq++ % 28)).padStart(2, '0')
    hearings.push(
      await chan<Hearing>(
        'POST',
        '/hearings',
        {
          caseId: CASE,
          court: 'Court of First Instance',
          courtroom: '7',
          type: 'trial',
          title: `${marker} trial ${i}`,
          startsAt: `2026-09-${day}T10:00:00+08:00`,
          endsAt: `2026-09-${day}T13:00:00+08:00`,
          lawyerIds,
        },
        201,
      ),
    )
    deadlines.push(
      await chan<Deadline>(
        'POST',
        '/deadlines',
        { caseId: CASE, kind: 'fixed', title: `${marker} filing ${i}`, dueOn: `2026-10-${day}`, lawyerIds },
        201,
      ),
    )
  }
  return { hearings, deadlines }
}

interface Mapping {
  item_type: string
  item_id: string
  user_id: string
  union_id: string | null
  event_id: string | null
  state: string
  client_token: string | null
}
const mappings = async (ids: string[]) =>
  (
    await t.db.query<Mapping>(
      'SELECT item_type, item_id, user_id, union_id, event_id, state, client_token FROM court_sync_events WHERE item_id = ANY($1::text[]) ORDER BY item_id, user_id',
      [ids],
    )
  ).rows

/** Every (item, lawyer) has exactly one live event, the one we mapped; no live event is unmapped. */
async function expectConverged(
  items: { hearings: Hearing[]; deadlines: Deadline[] },
  marker: string,
  lawyers = LAWYERS,
) {
  const ids = [...items.hearings, ...items.deadlines].map((x) => x.id)
  const rows = await mappings(ids)
  expect(rows).toHaveLength(ids.length * lawyers.length)
  expect(rows.every((r) => r.state === 'synced' && r.event_id && !r.client_token)).toBe(true)
  const live = liveEvents(t).filter((e) => e.summary.includes(marker))
  expect(live).toHaveLength(ids.length * lawyers.length)
  expect(new Set(live.map((e) => e.id))).toEqual(new Set(rows.map((r) => r.event_id)))
  for (const r of rows) expect(t.sim.state.events.get(r.event_id!)!.unionId).toBe(UNION[r.user_id])
}
const totalCalls = () => [...t.sim.state.calls.values()].reduce((a, b) => a + b, 0)

describe('DingTalk calendar sync', () => {
  const marker = 'SYNC-A'
  let items: Awaited<ReturnType<typeof makeItems>>

  it('creates one event per lawyer in each lawyer’s own calendar, with hearings timed and deadlines all-day', async () => {
    items = await makeItems(4, marker)
    await drainAll(t)
    await expectConverged(items, marker)
    const h = items.hearings[0]!
    const ev = liveEvents(t).find(
      (e) => e.summary === `HCA 1234/2026 ${marker} trial 0` && e.unionId === UNION['u-lee'],
    )!
    expect(ev.start).toEqual({ dateTime: h.startsAt, timeZone: 'Asia/Hong_Kong' })
    // The court and its courtroom joined in words, in the lawyer's language (zh-HK), never run together.
    expect(ev.location).toEqual({ displayName: 'Court of First Instance 第 7 號法庭' })
    const d = items.deadlines[0]!
    const all = liveEvents(t).find((e) => e.summary.includes(`${marker} filing 0`))!
    expect(all).toMatchObject({ isAllDay: true, start: { date: d.dueOn } })
    expect(all.end.date! > d.dueOn).toBe(true)
    // The state is visible in the API.
    const api = await (await courtCaller(t, 'u-lee'))<Hearing>('GET', `/hearings/${h.id}`)
    expect(api.sync.map((s) => [s.userId, s.state])).toEqual([
      ['u-chan', 'synced'],
      ['u-cheung', 'synced'],
      ['u-lee', 'synced'],
    ])
  })

  it('a second run with nothing changed makes no call at all', async () => {
    const writes = t.sim.state.writeCalls
    const calls = totalCalls()
    const r = await (await courtCaller(t, 'u-lam'))<{ queued: number }>('POST', '/sync/resync', undefined, 202)
    expect(r.queued).toBeGreaterThanOrEqual(8)
    await drainAll(t)
    expect(t.sim.state.writeCalls).toBe(writes)
    expect(totalCalls()).toBe(calls)
  })

  it('a change of time is one update per lawyer; a cancellation one delete per lawyer', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const h = items.hearings[1]!
    let writes = t.sim.state.writeCalls
    await chan('PATCH', `/hearings/${h.id}`, {
      startsAt: '2026-11-02T14:30:00+08:00',
      endsAt: '2026-11-02T16:30:00+08:00',
    })
    await drainAll(t)
    expect(t.sim.state.writeCalls - writes).toBe(3)
    const rows = await mappings([h.id])
    for (const r of rows) expect(t.sim.state.events.get(r.event_id!)!.start.dateTime).toBe('2026-11-02T14:30:00+08:00')

    writes = t.sim.state.writeCalls
    await chan('POST', `/hearings/${h.id}/cancel`)
    await drainAll(t)
    expect(t.sim.state.writeCalls - writes).toBe(3)
    for (const r of rows) expect(t.sim.state.events.get(r.event_id!)!.status).toBe('cancelled')
    expect((await mappings([h.id])).map((r) => [r.state, r.event_id])).toEqual([
      ['deleted', null],
      ['deleted', null],
      ['deleted', null],
    ])

    // Restored: new events (a new generation, so a new client token).
    await chan('POST', `/hearings/${h.id}/restore`)
    await drainAll(t)
    const again = await mappings([h.id])
    expect(again.every((r) => r.state === 'synced' && r.event_id && !rows.some((o) => o.event_id === r.event_id))).toBe(
      true,
    )
  })

  it('a lawyer taken off an item, or walled off the case, loses the event', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const d = items.deadlines[2]!
    await chan('PATCH', `/deadlines/${d.id}`, { lawyerIds: ['u-chan', 'u-lee'] })
    await drainAll(t)
    expect((await mappings([d.id])).find((r) => r.user_id === 'u-cheung')?.state).toBe('deleted')

    const h = items.hearings[2]!
    await t.db.query(
      `UPDATE case_members SET status = 'walled', wall_reason = 'test' WHERE case_id = $1 AND user_id = 'u-lee'`,
      [CASE],
    )
    try {
      await (
        await courtCaller(t, 'u-lam')
      )('POST', '/sync/resync', undefined, 202)
      await drainAll(t)
      const leeRow = (await mappings([h.id])).find((r) => r.user_id === 'u-lee')!
      expect(leeRow.state).toBe('deleted')
      expect(liveEvents(t).filter((e) => e.unionId === UNION['u-lee'] && e.summary.includes(marker))).toHaveLength(0)
    } finally {
      await t.db.query(
        `UPDATE case_members SET status = 'active', wall_reason = NULL WHERE case_id = $1 AND user_id = 'u-lee'`,
        [CASE],
      )
    }
  })

  it('an event deleted by hand in DingTalk is created again on the next change', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const h = items.hearings[3]!
    const before = (await mappings([h.id])).find((r) => r.user_id === 'u-chan')!
    t.sim.state.events.get(before.event_id!)!.status = 'cancelled'
    await chan('PATCH', `/hearings/${h.id}`, { courtroom: '8' })
    await drainAll(t)
    const after = (await mappings([h.id])).find((r) => r.user_id === 'u-chan')!
    expect(after.state).toBe('synced')
    expect(after.event_id).not.toBe(before.event_id)
    expect(t.sim.state.events.get(after.event_id!)!.location).toEqual({
      displayName: 'Court of First Instance 第 8 號法庭',
    })
  })

  it('a lawyer without a DingTalk account is shown as skipped', async () => {
    await t.db.query(
      `INSERT INTO users (id, org_id, name, role) VALUES ('u-nodt', 'org-demo', 'No DingTalk 無釘釘', 'associate')`,
    )
    await t.db.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling) VALUES ($1, 'u-nodt', 'active', 'private')`,
      [CASE],
    )
    const chan = await courtCaller(t, 'u-chan')
    const h = await chan<Hearing>(
      'POST',
      '/hearings',
      {
        caseId: CASE,
        court: 'CFI',
        type: 'mention',
        startsAt: '2026-12-01T09:30:00+08:00',
        lawyerIds: ['u-chan', 'u-nodt'],
      },
      201,
    )
    await drainAll(t)
    const got = await chan<Hearing>('GET', `/hearings/${h.id}`)
    expect(got.sync).toEqual([
      expect.objectContaining({ userId: 'u-chan', state: 'synced' }),
      expect.objectContaining({ userId: 'u-nodt', state: 'skipped', lastError: 'no_dingtalk_account' }),
    ])
  })
})

describe('sync under faults', () => {
  for (const mode of ['server_error', 'rate_limit'] as const) {
    it(`converges with 20% of calls failing (${mode}): no duplicate, no missing event`, async () => {
      const marker = `FAULT-${mode}`
      const items = await makeItems(6, marker)
      const retriesBefore = t.deps.dingtalk.metrics.retries
      t.sim.state.faults = { mode, probability: 0.2, paths: [], delayMs: 0 }
      await drainAll(t, 200)
      // Changes and a cancellation while DingTalk is still failing.
      const chan = await courtCaller(t, 'u-chan')
      await chan('PATCH', `/hearings/${items.hearings[0]!.id}`, { startsAt: '2026-09-30T15:00:00+08:00', endsAt: null })
      await chan('PATCH', `/deadlines/${items.deadlines[1]!.id}`, { title: `${marker} filing 1 (amended)` })
      const cancelled = items.hearings.pop()!
      await chan('POST', `/hearings/${cancelled.id}/cancel`)
      await drainAll(t, 200)
      t.sim.state.faults = NO_FAULTS
      // The faults did hit: the client retried.
      expect(t.deps.dingtalk.metrics.retries - retriesBefore).toBeGreaterThan(3)
      await expectConverged(items, marker)
      expect(liveEvents(t).filter((e) => e.summary.includes(cancelled.title!))).toHaveLength(0)
      const moved = (await mappings([items.hearings[0]!.id]))[0]!
      expect(t.sim.state.events.get(moved.event_id!)!.start.dateTime).toBe('2026-09-30T15:00:00+08:00')
      expect(liveEvents(t).filter((e) => e.summary.includes(`${marker} filing 1 (amended)`))).toHaveLength(3)
      const failed = (
        await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = $1 AND status = 'failed'`, [
          SYNC_JOB,
        ])
      ).rows[0]!.n
      expect(failed).toBe(0)
    }, 60_000)
  }

  it('a worker killed mid-sync (after DingTalk created events, before we stored their ids) resumes and converges without duplicates', async () => {
    const marker = 'CRASH'
    const items = await makeItems(5, marker)
    const clock = t.deps.now()
    // A worker claims every queued sync job...
    const jobs = (
      await t.db.query<{
        id: number
        kind: string
        payload: Record<string, unknown>
        attempts: number
        max_attempts: number
      }>(
        `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $1 WHERE kind = $2 AND status = 'queued' RETURNING id, kind, payload, attempts, max_attempts`,
        [new Date(clock.getTime() + 60_000), SYNC_JOB],
      )
    ).rows
    expect(jobs.length).toBe(10)
    // ...runs them, and dies each time right after DingTalk answered a create.
    const dying: Db = {
      ...t.db,
      query: async (sql, params) => {
        if (sql.includes('SET event_id = $4, content_hash = $5')) throw new Error('worker killed')
        return t.db.query(sql, params)
      },
    } as Db
    for (const j of jobs) {
      await expect(
        t.deps.jobHandlers[SYNC_JOB]!(
          { id: j.id, kind: j.kind, payload: j.payload, attempts: j.attempts, maxAttempts: j.max_attempts },
          { db: dying, log: null },
        ),
      ).rejects.toThrow('worker killed')
    }
    // DingTalk has the events; we only know the client tokens.
    expect(liveEvents(t).filter((e) => e.summary.includes(marker))).toHaveLength(10)
    expect(
      (await mappings([...items.hearings, ...items.deadlines].map((x) => x.id))).every(
        (r) => r.client_token && !r.event_id,
      ),
    ).toBe(true)
    // Nothing happens while the dead worker's lock holds; after it lapses, another worker resumes.
    expect(await t.worker.drain()).toBe(0)
    t.setNow(new Date(clock.getTime() + 61_000))
    await drainAll(t)
    await expectConverged(items, marker)
  }, 60_000)
})

describe('the monthly quota', () => {
  it('stops at the budget, waits for the next month, and shows the calls used', async () => {
    const lam = await courtCaller(t, 'u-lam')
    const overview = await lam('GET', '/sync')
    expect(overview.callsUsed).toBeGreaterThan(0)
    const s = await lam('GET', '/settings')
    await lam('PUT', '/settings', { ...s, monthlyCallBudget: overview.callsUsed + 2 })
    const marker = 'QUOTA'
    const items = await makeItems(1, marker)
    await t.worker.drain()
    const rows = await mappings([items.hearings[0]!.id, items.deadlines[0]!.id])
    expect(rows.some((r) => r.state === 'pending')).toBe(true)
    expect(liveEvents(t).filter((e) => e.summary.includes(marker)).length).toBeLessThan(6)
    const waiting = (
      await t.db.query<{ run_at: Date }>(
        `SELECT run_at FROM jobs WHERE kind = $1 AND status = 'queued' ORDER BY run_at`,
        [SYNC_JOB],
      )
    ).rows
    expect(waiting.length).toBeGreaterThan(0)
    // The next Hong Kong month begins at 2026-xx-01T00:00+08:00.
    for (const w of waiting) expect(new Date(w.run_at).toISOString()).toMatch(/^\d{4}-\d{2}-(01T00:00|\d{2}T16:00)/)
    const pendingApi = await (await courtCaller(t, 'u-chan'))<Hearing>('GET', `/hearings/${items.hearings[0]!.id}`)
    expect(pendingApi.sync.some((x) => x.state === 'pending' && x.lastError === 'monthly_budget_reached')).toBe(true)
    await lam('PUT', '/settings', { ...s, monthlyCallBudget: 1_000_000 })
    t.setNow(new Date(Math.max(...waiting.map((w) => new Date(w.run_at).getTime())) + 1000))
    await drainAll(t)
    await expectConverged(items, marker)
  }, 60_000)
})
