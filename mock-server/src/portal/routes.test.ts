import type { Deadline, Hearing, PortalToday } from '@suite/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'
import { insertDocument, makePdf } from '../testing/case-room'
import { COURT_TEST_ENV, courtCaller } from '../court-calendar/test-helpers'
import { reportValues, submitReport } from '../support/test-helpers'

let t: TestApp
const NOW = new Date('2026-03-02T02:00:00Z') // Monday 2 March 2026, 10:00 in Hong Kong
const HCA = 'case-hca-1234'
const DCCJ = 'case-dccj-5678'
const ids: Record<string, string> = {}

const hearing = (caseId: string, startsAt: string, lawyerIds: string[]) => ({
  caseId,
  court: 'Court of First Instance 原訟法庭',
  courtroom: '13',
  type: 'interlocutory',
  startsAt,
  lawyerIds,
})

async function today(userId: string): Promise<PortalToday> {
  const c = await t.signIn(userId)
  const res = await t.app.inject({ method: 'GET', url: '/api/portal/today', headers: c.headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<PortalToday>()
}

async function comment(userId: string, caseId: string, tier: string, body: string, at: Date) {
  t.setNow(at)
  const c = await t.signIn(userId)
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/threads/${tier}/comments`,
    headers: c.headers,
    payload: { body },
  })
  expect(res.statusCode, res.body).toBe(201)
  t.setNow(NOW)
}

beforeAll(async () => {
  t = await createTestApp({ env: COURT_TEST_ENV })
  t.setNow(NOW)
  const chan = await courtCaller(t, 'u-chan')
  const wong = await courtCaller(t, 'u-wong')
  ids.hcaToday = (
    await chan<Hearing>('POST', '/hearings', hearing(HCA, '2026-03-02T14:30:00+08:00', ['u-chan']), 201)
  ).id
  await chan<Hearing>('POST', '/hearings', hearing(HCA, '2026-03-03T09:30:00+08:00', ['u-chan']), 201)
  // 00:30 tomorrow in Hong Kong is still 2 March in UTC: not today's.
  await chan<Hearing>('POST', '/hearings', hearing(HCA, '2026-03-03T00:30:00+08:00', ['u-chan']), 201)
  const cancelled = await chan<Hearing>('POST', '/hearings', hearing(HCA, '2026-03-02T16:00:00+08:00', ['u-chan']), 201)
  await chan('POST', `/hearings/${cancelled.id}/cancel`, {})
  ids.dccjToday = (
    await wong<Hearing>('POST', '/hearings', hearing(DCCJ, '2026-03-02T09:30:00+08:00', ['u-wong']), 201)
  ).id

  // Deadlines are entered ten days ago, when all of them were still ahead.
  t.setNow(new Date(NOW.getTime() - 10 * 86_400_000))
  const fixed = (caseId: string, title: string, dueOn: string) => ({ caseId, kind: 'fixed', title, dueOn })
  ids.soon = (
    await chan<Deadline>('POST', '/deadlines', fixed(HCA, 'File the list of documents', '2026-03-05'), 201)
  ).id
  ids.overdue = (
    await chan<Deadline>('POST', '/deadlines', fixed(HCA, 'Serve the witness statements', '2026-02-27'), 201)
  ).id
  ids.dueToday = (await chan<Deadline>('POST', '/deadlines', fixed(HCA, 'Pay the hearing fee', '2026-03-02'), 201)).id
  await chan<Deadline>('POST', '/deadlines', fixed(HCA, 'Exchange expert reports', '2026-03-10'), 201)
  const done = await chan<Deadline>('POST', '/deadlines', fixed(HCA, 'Already filed', '2026-02-20'), 201)
  await chan('PATCH', `/deadlines/${done.id}`, { status: 'done' })
  ids.dccjOverdue = (
    await wong<Deadline>('POST', '/deadlines', fixed(DCCJ, 'Reply to the claim', '2026-02-26'), 201)
  ).id
  t.setNow(NOW)

  const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000)
  await comment('u-client-tse', HCA, 'public', 'When is the next hearing?', hoursAgo(2))
  await comment('u-expert-fung', HCA, 'restricted', 'Draft valuation attached', hoursAgo(30))
  await comment('u-client-tse', HCA, 'public', 'An old question', hoursAgo(24 * 8))
  await comment('u-lee', HCA, 'public', 'The hearing is on Monday', hoursAgo(1))
  await comment('u-lee', HCA, 'private', 'Strategy: settle below 2m', hoursAgo(1))
  await comment('u-client-leong', DCCJ, 'public', 'I sent the payslips', hoursAgo(3))

  // The first report waits longer, but the second reporter gave the caller a code: urgent.
  const lee = await t.signIn('u-lee')
  const cheung = await t.signIn('u-cheung')
  t.setNow(hoursAgo(5))
  expect((await submitReport(t, lee, reportValues({ identifier: '+852 6123 4567' }))).statusCode).toBe(201)
  t.setNow(hoursAgo(1))
  expect(
    (await submitReport(t, cheung, reportValues({ identifier: '+852 6999 8888', complied: 'yes' }))).statusCode,
  ).toBe(201)
  // Complying with a screen share hands over no code, password or bank details: not urgent (the triage rule).
  t.setNow(hoursAgo(0.5))
  const screenShare = reportValues({ identifier: '+852 6777 1234', complied: 'yes', askedFor: ['screen_share'] })
  expect((await submitReport(t, lee, screenShare)).statusCode).toBe(201)
  t.setNow(NOW)
})
afterAll(async () => {
  await t.close()
})

describe('GET /api/portal/today', () => {
  it('shows a partner their cases’ hearings of today and an overdue deadline first, in ISO', async () => {
    const d = await today('u-chan')
    expect(d.today).toBe('2026-03-02')
    expect(d.now).toBe(NOW.toISOString())
    expect(d.hearings.items.map((h) => h.id)).toEqual([ids.hcaToday])
    expect(d.hearings.items[0]).toMatchObject({
      case: { id: HCA, number: 'HCA 1234/2026' },
      startsAt: '2026-03-02T14:30:00+08:00',
      type: 'interlocutory',
    })
    expect(d.deadlines.items.map((x) => [x.id, x.overdue])).toEqual([
      [ids.overdue, true],
      [ids.dueToday, false],
      [ids.soon, false],
    ])
    expect(d.deadlines).toMatchObject({ total: 3, overdue: 1 })
    expect(d.triage).toBeNull()
  })

  it('shows the firm new comments by clients and experts of the last 7 days, never its own or another case’s', async () => {
    const d = await today('u-chan')
    expect(d.comments.since).toBe(new Date(NOW.getTime() - 7 * 86_400_000).toISOString())
    expect(d.comments.items.map((c) => [c.authorRole, c.excerpt, c.on])).toEqual([
      ['client', 'When is the next hearing?', { type: 'thread', tier: 'public' }],
      ['external_expert', 'Draft valuation attached', { type: 'thread', tier: 'restricted' }],
    ])
  })

  it('shows an associate nothing of a case they are not a member of', async () => {
    const lee = await today('u-lee')
    expect(lee.hearings.items.map((h) => h.case.id)).toEqual([HCA])
    expect(lee.deadlines.items.every((x) => x.case.id === HCA)).toBe(true)
    expect(lee.comments.items.every((c) => c.case.id === HCA)).toBe(true)
    expect(JSON.stringify(lee)).not.toContain(DCCJ)
    // Behind an ethical wall is the same as outside: the walled associate sees only the other case.
    const ho = await today('u-ho')
    expect(JSON.stringify(ho)).not.toContain(HCA)
    expect(ho.hearings.items.map((h) => h.id)).toEqual([ids.dccjToday])
    expect(ho.deadlines.items.map((x) => [x.id, x.overdue])).toEqual([[ids.dccjOverdue, true]])
    expect(ho.comments.items.map((c) => c.excerpt)).toEqual(['I sent the payslips'])
  })

  it('shows a client only their case, the firm’s comments they may read, and no triage', async () => {
    const d = await today('u-client-tse')
    expect(JSON.stringify(d)).not.toContain(DCCJ)
    expect(d.hearings.items.map((h) => h.id)).toEqual([ids.hcaToday])
    expect(d.deadlines.items[0]).toMatchObject({ id: ids.overdue, overdue: true })
    // The firm's public reply, not its private strategy thread; not their own, not the expert's.
    expect(d.comments.items.map((c) => [c.authorName, c.excerpt])).toEqual([
      ['李嘉欣 Lee Ka-yan', 'The hearing is on Monday'],
    ])
    expect(d.triage).toBeNull()
    expect(JSON.stringify(d)).not.toContain('Strategy')
  })

  it('shows IT the open reports to triage, urgent first, and no one’s cases', async () => {
    const d = await today('u-lam')
    expect(d.triage).not.toBeNull()
    expect(d.triage!.items.map((r) => [r.identifierDisplay, r.urgent, r.reporterName])).toEqual([
      ['+852 6999 8888', true, '張美玲 Cheung Mei-ling'],
      ['+852 6123 4567', false, '李嘉欣 Lee Ka-yan'],
      ['+852 6777 1234', false, '李嘉欣 Lee Ka-yan'],
    ])
    expect(d.triage).toMatchObject({ total: 3, urgent: 1 })
    expect(d.hearings.total + d.deadlines.total + d.comments.total).toBe(0)
  })

  it('leaves triage out for the compliance officer (the triage console admits IT only) and refuses a stranger', async () => {
    expect((await today('u-ng')).triage).toBeNull()
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/today' })).statusCode).toBe(401)
  })

  it('leaves out an external whose access has lapsed', async () => {
    // The expert's access to HCA 1234 ends 60 days after the demo was seeded; 61 days on they see nothing of it.
    expect(JSON.stringify(await today('u-expert-fung'))).toContain(HCA)
    t.setNow(new Date(Date.now() + 61 * 86_400_000))
    const d = await today('u-expert-fung')
    t.setNow(NOW)
    expect(JSON.stringify(d)).not.toContain(HCA)
  })

  it('follows a document’s tier: comments on a draft moved to the internal area, or deleted, leave the client’s day', async () => {
    const doc = await insertDocument(t, HCA, 'restricted', await makePdf(), { title: 'Draft defence' })
    const onDoc = async (userId: string, body: string) => {
      const c = await t.signIn(userId)
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${HCA}/documents/${doc}/comments`,
        headers: c.headers,
        payload: { body },
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    await onDoc('u-client-tse', 'Paragraph 4 is wrong')
    await onDoc('u-lee', 'Agreed, we will fix paragraph 4')
    const firmSees = async () => (await today('u-chan')).comments.items.filter((c) => c.on.type === 'document')
    const clientSees = async () => (await today('u-client-tse')).comments.items.filter((c) => c.on.type === 'document')
    expect((await firmSees()).map((c) => [c.excerpt, c.on])).toEqual([
      ['Paragraph 4 is wrong', { type: 'document', id: doc, title: 'Draft defence' }],
    ])
    expect((await clientSees()).map((c) => c.excerpt)).toEqual(['Agreed, we will fix paragraph 4'])

    await t.db.query(`UPDATE case_documents SET tier = 'private' WHERE id = $1`, [doc])
    expect(await clientSees()).toEqual([])
    expect((await firmSees()).map((c) => c.excerpt)).toEqual(['Paragraph 4 is wrong'])
    await t.db.query(`UPDATE case_documents SET deleted_at = now() WHERE id = $1`, [doc])
    expect(await firmSees()).toEqual([])
  })
})
