import { addDays } from '@suite/court-rules'
import type { Hearing } from '@suite/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'
import { COURT_TEST_ENV, courtCaller } from './test-helpers'
import { REMINDER_JOB } from './reminders'
import { hkDate, hkInstant } from './time'

let t: TestApp
// Work notifications are queued at the real time, so this test's clock runs after it.
const BASE = hkDate(new Date(Date.now() + 30 * 86_400_000))
const D = addDays(BASE, 10)
const at = (date: string, time: string) => hkInstant(date, time)

beforeAll(async () => {
  t = await createTestApp({ env: COURT_TEST_ENV })
  t.setNow(at(BASE, '10:00'))
})
afterAll(async () => {
  await t.close()
})

const reminders = async () =>
  (
    await t.db.query<{ title: string; user_ids: string[]; status: string }>(
      `SELECT title, user_ids, status FROM notifications WHERE kind = 'court.reminder' ORDER BY created_at, id`,
    )
  ).rows
const delivered = () => t.sim.state.messages.filter((m) => JSON.stringify(m.msg).includes('法庭日程提醒'))

describe('work-notification reminders', () => {
  let hearing: Hearing

  it('schedules reminders 7 days and 1 day before and at 08:00 on the day (Hong Kong time)', async () => {
    const chan = await courtCaller(t, 'u-chan')
    hearing = await chan<Hearing>(
      'POST',
      '/hearings',
      {
        caseId: 'case-hca-1234',
        court: 'CFI',
        courtroom: '13',
        type: 'trial',
        startsAt: `${D}T10:00:00+08:00`,
        lawyerIds: ['u-chan', 'u-lee'],
      },
      201,
    )
    const jobs = (
      await t.db.query<{ run_at: Date; payload: { daysBefore: number } }>(
        `SELECT run_at, payload FROM jobs WHERE kind = $1 ORDER BY run_at`,
        [REMINDER_JOB],
      )
    ).rows
    expect(jobs.map((j) => [j.payload.daysBefore, new Date(j.run_at).toISOString()])).toEqual([
      [7, at(addDays(D, -7), '08:00').toISOString()],
      [1, at(addDays(D, -1), '08:00').toISOString()],
      [0, at(D, '08:00').toISOString()],
    ])
  })

  it('sends the 7-day reminder to each lawyer once, through DingTalk', async () => {
    t.setNow(at(addDays(D, -7), '08:01'))
    await t.worker.drain()
    await t.worker.drain()
    const sent = await reminders()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ user_ids: ['u-chan', 'u-lee'], status: 'sent' })
    expect(sent[0]!.title).toContain('7 天後')
    expect(
      delivered()
        .map((m) => m.userid)
        .sort(),
    ).toEqual(['dt-u-chan', 'dt-u-lee'])
  })

  it('after the hearing moves, the old reminders stay silent and new ones follow the new date', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const newDay = addDays(D, 5)
    await chan('PATCH', `/hearings/${hearing.id}`, { startsAt: `${newDay}T10:00:00+08:00` })
    // The old 1-day reminder's time comes: nothing is sent for it; the new 7-day one (D-2) was due before.
    t.setNow(at(addDays(D, -1), '08:01'))
    await t.worker.drain()
    const titles = (await reminders()).map((r) => r.title)
    expect(titles).toHaveLength(2)
    expect(titles.every((x) => x.includes('7 天後'))).toBe(true)
    t.setNow(at(addDays(newDay, -1), '08:01'))
    await t.worker.drain()
    expect((await reminders()).map((r) => r.title).at(-1)).toContain('明天')
  })

  it('a cancelled hearing sends nothing more; the schedule is configurable', async () => {
    const chan = await courtCaller(t, 'u-chan')
    await chan('POST', `/hearings/${hearing.id}/cancel`)
    const before = (await reminders()).length
    t.setNow(at(addDays(D, 5), '08:01'))
    await t.worker.drain()
    expect((await reminders()).length).toBe(before)

    const lam = await courtCaller(t, 'u-lam')
    const s = await lam('GET', '/settings')
    await lam('PUT', '/settings', { ...s, reminders: { daysBefore: [3], at: '09:15' } })
    const due = addDays(D, 30)
    const d = await (
      await courtCaller(t, 'u-chan')
    )(
      'POST',
      '/deadlines',
      { caseId: 'case-hca-1234', kind: 'fixed', title: 'Exchange expert reports', dueOn: due, lawyerIds: ['u-lee'] },
      201,
    )
    const jobs = (
      await t.db.query<{ run_at: Date }>(
        `SELECT run_at FROM jobs WHERE kind = $1 AND payload->>'itemId' = $2 ORDER BY run_at`,
        [REMINDER_JOB, d.id],
      )
    ).rows
    // The configured 3-day reminder, and the "overdue" one the morning after the date (silent if it is done by then).
    expect(jobs.map((j) => new Date(j.run_at).toISOString())).toEqual([
      at(addDays(due, -3), '09:15').toISOString(),
      at(addDays(due, 1), '09:15').toISOString(),
    ])
    t.setNow(at(addDays(due, -3), '09:16'))
    await t.worker.drain()
    const last = (await reminders()).at(-1)!
    expect(last).toMatchObject({ user_ids: ['u-lee'], status: 'sent' })
    expect(last.title).toContain('3 天後')
  })
})
