import { addDays } from '@suite/court-rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'
import { reminderText } from './messages'
import { COURT_TEST_ENV, courtCaller } from './test-helpers'
import { hkDate, hkInstant } from './time'

const hearing = {
  kind: 'hearing',
  courtCaseNumber: 'HCA 1234/2026',
  type: 'trial',
  time: '2026-04-02 10:00',
  court: 'High Court',
  courtroom: '13',
  judge: 'Hon Chan J',
} as const

describe('reminder texts', () => {
  it('are written in each language, with the optional lines only when there is something to say', () => {
    expect(reminderText('zh-HK', hearing, 7)).toEqual({
      title: '法庭日程提醒: 審訊 7 天後',
      body: 'HCA 1234/2026 · 審訊\n2026-04-02 10:00 · High Court 法庭 13\n法官: Hon Chan J',
    })
    expect(reminderText('zh-CN', hearing, 1).title).toBe('法庭日程提醒: 审讯 明天')
    expect(reminderText('en', { ...hearing, courtroom: null, judge: null }, 0)).toEqual({
      title: 'Court calendar reminder: Trial today',
      body: 'HCA 1234/2026 · Trial\n2026-04-02 10:00 · High Court',
    })
    const deadline = {
      kind: 'deadline',
      caseNumber: 'HCA 1234/2026',
      title: 'Serve the summons',
      dueOn: '2026-03-30',
      citation: 'O.10 r.1',
    } as const
    expect(reminderText('en', deadline, 3)).toEqual({
      title: 'Court calendar reminder: Deadline in 3 days',
      body: 'HCA 1234/2026 · Serve the summons\nDue: 2026-03-30\nRule: O.10 r.1',
    })
    expect(reminderText('zh-HK', { ...deadline, citation: null }, 3)).toEqual({
      title: '法庭日程提醒: 限期 3 天後',
      body: 'HCA 1234/2026 · Serve the summons\n到期日: 2026-03-30',
    })
  })
})

describe('a reminder to lawyers of different languages', () => {
  let t: TestApp
  // Work notifications are queued at the real time, so this test's clock runs after it.
  const D = addDays(hkDate(new Date(Date.now() + 30 * 86_400_000)), 10)
  beforeAll(async () => {
    t = await createTestApp({ env: COURT_TEST_ENV })
    t.setNow(hkInstant(addDays(D, -10), '10:00'))
    await t.db.query(`UPDATE users SET locale = 'en' WHERE id = 'u-lee'`)
  })
  afterAll(async () => {
    await t.close()
  })

  it('reaches each one in their own language, the button too', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const body = {
      caseId: 'case-hca-1234',
      court: 'CFI',
      courtroom: '13',
      type: 'trial',
      startsAt: `${D}T10:00:00+08:00`,
      lawyerIds: ['u-chan', 'u-lee'],
    }
    await chan('POST', '/hearings', body, 201)
    t.setNow(hkInstant(addDays(D, -7), '08:01'))
    await t.worker.drain()
    await t.worker.drain()
    const sent = (
      await t.db.query<{ title: string; user_ids: string[]; locale: string }>(
        `SELECT title, user_ids, locale FROM notifications WHERE kind = 'court.reminder' ORDER BY locale`,
      )
    ).rows
    expect(sent).toEqual([
      { title: 'Court calendar reminder: Trial in 7 days', user_ids: ['u-lee'], locale: 'en' },
      { title: '法庭日程提醒: 審訊 7 天後', user_ids: ['u-chan'], locale: 'zh-HK' },
    ])
    const card = (dingtalkId: string) =>
      t.sim.state.messages.filter((m) => m.userid === dingtalkId).at(-1)?.msg as {
        action_card: { title: string; single_title: string }
      }
    expect(card('dt-u-lee').action_card).toMatchObject({
      title: 'Court calendar reminder: Trial in 7 days',
      single_title: 'Open',
    })
    expect(card('dt-u-chan').action_card).toMatchObject({ title: '法庭日程提醒: 審訊 7 天後', single_title: '打開' })
  })
})
