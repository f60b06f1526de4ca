import type { Deadline, Hearing } from '@suite/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { COURT_TEST_ENV, courtCaller, drainAll, liveEvents } from '../court-calendar/test-helpers'
import { SYNC_JOB } from '../court-calendar/changes'

let t: TestApp
let partner: TestCredentials
const CASE = 'case-hca-1234'
const MARKER = 'member-sync'
const UNION: Record<string, string> = {}
let items: string[] = []

beforeAll(async () => {
  t = await createTestApp({ env: COURT_TEST_ENV })
  t.setNow(new Date('2026-03-02T02:00:00Z'))
  for (const r of (
    await t.db.query<{ id: string; dingtalk_union_id: string }>('SELECT id, dingtalk_union_id FROM users')
  ).rows)
    UNION[r.id] = r.dingtalk_union_id
  const lam = await courtCaller(t, 'u-lam')
  await lam('PUT', '/settings', { ...(await lam('GET', '/settings')), syncCallsPerSecond: 100 })
  const chan = await courtCaller(t, 'u-chan')
  const lawyerIds = ['u-chan', 'u-lee', 'u-cheung']
  const h = await chan<Hearing>(
    'POST',
    '/hearings',
    {
      caseId: CASE,
      court: 'Court of First Instance',
      courtroom: '7',
      type: 'trial',
      title: `${MARKER} trial`,
      startsAt: '2026-09-14T10:00:00+08:00',
      endsAt: '2026-09-14T13:00:00+08:00',
      lawyerIds,
    },
    201,
  )
  const d = await chan<Deadline>(
    'POST',
    '/deadlines',
    { caseId: CASE, kind: 'fixed', title: `${MARKER} filing`, dueOn: '2026-10-05', lawyerIds },
    201,
  )
  items = [h.id, d.id]
  await drainAll(t)
  partner = await t.signIn('u-chan')
})
afterAll(async () => {
  await t.close()
})

const call = (method: 'POST' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: partner.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
/** Sync jobs waiting for the two items. */
const queuedFor = async () =>
  (
    await t.db.query<{ item: string }>(
      `SELECT payload->>'itemId' AS item FROM jobs WHERE kind = $1 AND status = 'queued' AND payload->>'itemId' = ANY($2::text[]) ORDER BY 1`,
      [SYNC_JOB, items],
    )
  ).rows.map((r) => r.item)
const eventsOf = (userId: string) =>
  liveEvents(t).filter((e) => e.unionId === UNION[userId] && e.summary.includes(MARKER))
const stateOf = async (userId: string) =>
  (
    await t.db.query<{ state: string }>(
      'SELECT state FROM court_sync_events WHERE user_id = $1 AND item_id = ANY($2::text[]) ORDER BY item_id',
      [userId, items],
    )
  ).rows.map((r) => r.state)

describe('case room membership changes re-sync the DingTalk calendar of the person', () => {
  it('starts with every lawyer holding both events', () => {
    for (const u of ['u-chan', 'u-lee', 'u-cheung']) expect(eventsOf(u)).toHaveLength(2)
  })

  it('walling someone off queues the sync of the case items in the same step; their events go, the others stay', async () => {
    const refused = await call('POST', `/api/cases/${CASE}/walls`, { userId: 'u-chan', reason: 'self' })
    expect(refused.statusCode).toBe(409)
    expect(await queuedFor()).toEqual([])

    const walled = await call('POST', `/api/cases/${CASE}/walls`, {
      userId: 'u-lee',
      reason: 'Acted for the other side 曾代表對方',
    })
    expect(walled.statusCode, walled.body).toBe(201)
    expect(await queuedFor()).toEqual([...items].sort())
    await drainAll(t)
    expect(eventsOf('u-lee')).toHaveLength(0)
    expect(await stateOf('u-lee')).toEqual(['deleted', 'deleted'])
    expect(eventsOf('u-chan')).toHaveLength(2)
    expect(eventsOf('u-cheung')).toHaveLength(2)
  })

  it('removing a member does the same', async () => {
    expect((await call('DELETE', `/api/cases/${CASE}/members/u-cheung`)).statusCode).toBe(204)
    expect(await queuedFor()).toEqual([...items].sort())
    await drainAll(t)
    expect(eventsOf('u-cheung')).toHaveLength(0)
    expect(await stateOf('u-cheung')).toEqual(['deleted', 'deleted'])
    expect(eventsOf('u-chan')).toHaveLength(2)
  })

  it('adding them back brings their events back', async () => {
    const added = await call('POST', `/api/cases/${CASE}/members`, { userIds: ['u-cheung'], tierCeiling: 'private' })
    expect(added.statusCode, added.body).toBe(200)
    expect(await queuedFor()).toEqual([...items].sort())
    await drainAll(t)
    expect(eventsOf('u-cheung')).toHaveLength(2)
    expect(await stateOf('u-cheung')).toEqual(['synced', 'synced'])
  })
})
