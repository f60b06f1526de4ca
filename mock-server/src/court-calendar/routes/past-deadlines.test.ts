import { addDays } from '@suite/court-rules'
import type { CourtAgenda, Deadline } from '@suite/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../testing'
import { REMINDER_JOB } from '../reminders'
import { COURT_TEST_ENV, courtCaller } from '../test-helpers'
import { hkDate, hkInstant } from '../time'

let t: TestApp
// Work notifications are queued at the real time, so this test's clock runs after it.
const TODAY = hkDate(new Date(Date.now() + 30 * 86_400_000))
const PAST = addDays(TODAY, -5)
const CASE = 'case-hca-1234'

beforeAll(async () => {
  t = await createTestApp({ env: COURT_TEST_ENV })
  t.setNow(hkInstant(TODAY, '10:00'))
  // Lee reads the suite in English; Chan in Hong Kong Chinese.
  await t.db.query(`UPDATE users SET locale = 'en' WHERE id = 'u-lee'`)
})
afterAll(async () => {
  await t.close()
})

const post = async (userId: string, body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/court-calendar/deadlines',
    headers: (await t.signIn(userId)).headers,
    payload: body,
  })

describe('a deadline whose date has already passed', () => {
  it('is refused without a choice, with the field error in the caller’s language', async () => {
    const fixed = { caseId: CASE, kind: 'fixed', title: 'File the list of documents', dueOn: PAST }
    const zh = await post('u-chan', fixed)
    expect(zh.statusCode).toBe(400)
    expect(zh.json().error.fields).toEqual([
      { path: 'dueOn', code: 'past_due', message: expect.stringContaining(`到期日 ${PAST} 已經過去（香港時間）`) },
    ])
    const en = await post('u-lee', { ...fixed, lawyerIds: ['u-lee'] })
    expect(en.json().error.fields[0].message).toContain(`The date ${PAST} has already passed (Hong Kong time)`)
    // A computed one too: 3 days after a date a week ago.
    const computed = await post('u-chan', {
      caseId: CASE,
      kind: 'computed',
      title: 'Reply',
      anchor: { type: 'date', date: addDays(TODAY, -7) },
      rule: { period: 1, unit: 'days', direction: 'after' },
    })
    expect(computed.statusCode).toBe(400)
    expect(computed.json().error.fields[0]).toMatchObject({ path: 'pastDue', code: 'past_due' })
    const count = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM court_deadlines')
    expect(count.rows[0]!.n).toBe(0)
  })

  it('is recorded as done, missed or open as the creator says; a future date needs no choice', async () => {
    const base = { caseId: CASE, kind: 'fixed', dueOn: PAST, lawyerIds: ['u-chan', 'u-lee'] }
    const done = await post('u-chan', { ...base, title: 'Done already', pastDue: 'done' })
    const missed = await post('u-chan', { ...base, title: 'Missed it', pastDue: 'missed' })
    const open = await post('u-chan', { ...base, title: 'Still to file', pastDue: 'open' })
    expect([done.statusCode, missed.statusCode, open.statusCode]).toEqual([201, 201, 201])
    expect([done.json().status, missed.json().status, open.json().status]).toEqual(['done', 'missed', 'open'])
    const future = await post('u-chan', { ...base, title: 'Later', dueOn: addDays(TODAY, 3) })
    expect(future.statusCode).toBe(201)
    expect(future.json().status).toBe('open')
  })

  it('the agenda from today names the overdue open deadline at the top, even though it is before the window', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const agenda = await chan<CourtAgenda>('GET', `/agenda?from=${TODAY}&to=${addDays(TODAY, 27)}`)
    expect(agenda.overdue.map((d: Deadline) => [d.title, d.status, d.dueOn])).toEqual([['Still to file', 'open', PAST]])
    expect(agenda.deadlines.map((d) => d.title)).toEqual(['Later'])
    // A window that holds the date lists it there, not twice.
    const wide = await chan<CourtAgenda>('GET', `/agenda?from=${addDays(TODAY, -10)}&to=${TODAY}`)
    expect(wide.overdue).toEqual([])
    expect(wide.deadlines.map((d) => d.title).sort()).toEqual(['Done already', 'Missed it', 'Still to file'])
    // Someone outside the case sees none of it.
    const wong = await courtCaller(t, 'u-wong')
    expect((await wong<CourtAgenda>('GET', `/agenda?from=${TODAY}&to=${TODAY}`)).overdue).toEqual([])
  })

  it('an overdue open deadline sends an "overdue" reminder at once, each lawyer in their own language', async () => {
    const jobs = (
      await t.db.query<{ title: string }>(
        `SELECT d.title FROM jobs j JOIN court_deadlines d ON d.id = j.payload->>'itemId' WHERE j.kind = $1 AND (j.payload->>'daysBefore')::int = -1`,
        [REMINDER_JOB],
      )
    ).rows
    // Only the open one (done and missed deadlines are not chased); the future one's waits for the day after its date.
    expect(jobs.map((j) => j.title).sort()).toEqual(['Later', 'Still to file'])
    await t.worker.drain()
    await t.worker.drain()
    const sent = (
      await t.db.query<{ title: string; body: string; user_ids: string[]; locale: string }>(
        `SELECT title, body, user_ids, locale FROM notifications WHERE kind = 'court.reminder' ORDER BY locale`,
      )
    ).rows
    expect(sent).toEqual([
      {
        title: 'Court calendar: Deadline overdue',
        body: expect.stringContaining(`Still to file\nDue ${PAST} (Hong Kong time) has passed and it is still open.`),
        user_ids: ['u-lee'],
        locale: 'en',
      },
      {
        title: '法庭日程: 限期已過期',
        body: expect.stringContaining(`Still to file\n到期日: ${PAST}（香港時間）已過，仍未完成。`),
        user_ids: ['u-chan'],
        locale: 'zh-HK',
      },
    ])
  })

  it('a deadline marked done before the morning after its date sends no overdue reminder', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const later = (await chan<CourtAgenda>('GET', `/agenda?from=${TODAY}&to=${addDays(TODAY, 5)}`)).deadlines[0]!
    await chan('PATCH', `/deadlines/${later.id}`, { status: 'done' })
    t.setNow(hkInstant(addDays(later.dueOn, 1), '09:00'))
    await t.worker.drain()
    const titles = (await t.db.query<{ body: string }>(`SELECT body FROM notifications WHERE kind = 'court.reminder'`))
      .rows
    expect(titles.some((r) => r.body.includes('Later'))).toBe(false)
  })
})
