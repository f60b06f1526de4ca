import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { messagesTo, reportValues, submitReport } from './test-helpers'

let t: TestApp
let cheung: TestCredentials
let lee: TestCredentials
let lam: TestCredentials
beforeAll(async () => {
  t = await createTestApp()
  ;[cheung, lee, lam] = await Promise.all([t.signIn('u-cheung'), t.signIn('u-lee'), t.signIn('u-lam')])
})
afterAll(async () => {
  await t.close()
})

const triage = async (query = '') =>
  (await t.app.inject({ method: 'GET', url: `/api/support/triage${query}`, headers: lam.headers })).json()
const act = (payload: Record<string, unknown>, who = lam) =>
  t.app.inject({ method: 'POST', url: '/api/support/triage/actions', headers: who.headers, payload })

describe('triage: new -> investigating -> confirmed scam', () => {
  it('groups reports of one contact however it was written, and walks them to a verdict the reporters receive', async () => {
    const a = (await submitReport(t, cheung, reportValues({ identifier: '+852 6888 1234' }))).json()
    const b = (await submitReport(t, lee, reportValues({ identifier: '00852-68881234', channel: 'whatsapp' }))).json()
    await submitReport(
      t,
      lee,
      reportValues({ identifier: 'https://example.org', identifierKind: 'url', claimedIdentity: 'bank' }),
    )

    const list = await triage('?status=new')
    const group = list.groups.find((g: { key: string }) => g.key === 'phone:+85268881234')
    expect(group).toMatchObject({ count: 2, kind: 'phone', byStatus: { new: 2 }, knownScam: false })
    expect(group.reports.map((r: { id: string }) => r.id).sort()).toEqual([a.id, b.id].sort())

    expect((await act({ action: 'assign', reportIds: [a.id, b.id], assigneeId: 'u-lam' })).statusCode).toBe(200)
    expect((await act({ action: 'assign', reportIds: [a.id], assigneeId: 'u-cheung' })).statusCode).toBe(400)
    expect(
      (await act({ action: 'set_status', reportIds: [a.id, b.id], status: 'investigating' })).json(),
    ).toMatchObject({ updated: 2, notified: 0 })
    expect(
      (await act({ action: 'note', reportIds: [a.id], body: 'Number also seen on Scameter as high risk' })).statusCode,
    ).toBe(200)

    const before = t.sim.state.messages.length
    const done = await act({
      action: 'set_status',
      reportIds: [a.id, b.id],
      status: 'confirmed_scam',
      resolution: 'Block this number.',
    })
    expect(done.json()).toEqual({ updated: 2, notified: 2, knownScamsAdded: 1 })
    await t.worker.drain()
    expect(t.sim.state.messages.length).toBe(before + 2)
    const toCheung = messagesTo(t, 'u-cheung').at(-1)!
    expect(toCheung).toContain('確認為詐騙')
    expect(toCheung).toContain('Block this number.')
    expect(messagesTo(t, 'u-lee').at(-1)).toContain('確認為詐騙')

    const mine = (
      await t.app.inject({ method: 'GET', url: `/api/support/reports/${a.id}`, headers: cheung.headers })
    ).json()
    expect(mine).toMatchObject({
      status: 'confirmed_scam',
      resolution: 'Block this number.',
      assigneeName: expect.stringContaining('Lam'),
    })
    expect(mine).not.toHaveProperty('notes')

    // The confirmed number joined the known-scam list: the next check says so.
    const check = await t.app.inject({
      method: 'POST',
      url: '/api/support/check',
      headers: cheung.headers,
      payload: { identifier: '6888 1234' },
    })
    expect(check.json()).toMatchObject({ verdict: 'known_scam', identifierKey: 'phone:+85268881234' })
    const after = await triage()
    const g2 = after.groups.find((g: { key: string }) => g.key === 'phone:+85268881234')
    expect(g2.knownScam).toBe(true)
    expect(g2.reports.find((r: { id: string }) => r.id === a.id).notes[0].body).toContain('Scameter')

    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action LIKE 'support.triage.%' ORDER BY seq",
    )
    expect(audit.rows.map((r) => r.action)).toEqual([
      'support.triage.assign',
      'support.triage.set_status',
      'support.triage.note',
      'support.triage.set_status',
    ])
  })

  it('marks duplicates against an original and tells the reporter in their language', async () => {
    await t.db.query("UPDATE users SET locale = 'en' WHERE id = 'u-lee'")
    const orig = (await submitReport(t, cheung, reportValues({ identifier: '+852 5999 0000' }))).json()
    const dup = (await submitReport(t, lee, reportValues({ identifier: '+852 5999 0000' }))).json()
    expect((await act({ action: 'set_status', reportIds: [dup.id], status: 'duplicate' })).statusCode).toBe(400)
    expect(
      (await act({ action: 'set_status', reportIds: [dup.id], status: 'duplicate', duplicateOf: orig.id })).json()
        .notified,
    ).toBe(1)
    await t.worker.drain()
    expect(messagesTo(t, 'u-lee').at(-1)).toContain('already reported')
  })

  it('is for IT only, and exports the queue as CSV safe for spreadsheets', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/support/triage', headers: cheung.headers })).statusCode,
    ).toBe(403)
    expect((await act({ action: 'note', reportIds: ['x'], body: 'hi' }, cheung)).statusCode).toBe(403)
    await submitReport(
      t,
      cheung,
      reportValues({ identifier: '=HYPERLINK("http://x")', identifierKind: 'account', platform: 'Telegram' }),
    )
    const csv = await t.app.inject({ method: 'GET', url: '/api/support/triage/export', headers: lam.headers })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^id,received_at,/)
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://x"")"`))).toBe(true)
    expect(lines.length - 1).toBe((await triage()).groups.reduce((n: number, g: { count: number }) => n + g.count, 0))
  })

  it('puts a report whose reporter handed over a code, a password or bank details first, and alerts IT naming it', async () => {
    const before = messagesTo(t, 'u-lam').length
    const gave = (
      await submitReport(
        t,
        cheung,
        reportValues({ identifier: '+852 6333 1000', askedFor: ['one_time_code', 'app_install'], complied: 'partly' }),
      )
    ).json()
    const bank = (
      await submitReport(
        t,
        lee,
        reportValues({ identifier: '+852 6333 2000', askedFor: ['bank_details'], complied: 'yes', channel: 'sms' }),
      )
    ).json()
    // Newer, but nothing that opens an account was handed over, or nothing was handed over at all.
    const installed = (
      await submitReport(
        t,
        cheung,
        reportValues({ identifier: '+852 6333 3000', askedFor: ['app_install'], complied: 'yes' }),
      )
    ).json()
    const refused = (
      await submitReport(t, lee, reportValues({ identifier: '+852 6333 4000', askedFor: ['password'], complied: 'no' }))
    ).json()
    expect([gave.urgent, bank.urgent, installed.urgent, refused.urgent]).toEqual([true, true, false, false])

    const list = await triage()
    const keys = list.groups.map((g: { key: string }) => g.key)
    const urgentGroups = list.groups.filter((g: { urgent: boolean }) => g.urgent).map((g: { key: string }) => g.key)
    expect(keys.slice(0, urgentGroups.length)).toEqual(urgentGroups)
    expect(urgentGroups).toEqual(expect.arrayContaining(['phone:+85263331000', 'phone:+85263332000']))
    expect(urgentGroups).not.toContain('phone:+85263333000')
    expect(urgentGroups).not.toContain('phone:+85263334000')
    // Newest first among the urgent ones, as everywhere else.
    expect(keys.indexOf('phone:+85263332000')).toBeLessThan(keys.indexOf('phone:+85263331000'))

    await t.worker.drain()
    const alerts = messagesTo(t, 'u-lam').slice(before)
    expect(alerts.some((m) => m.includes('緊急：同事已交出驗證碼') && m.includes('張美玲'))).toBe(true)
    expect(
      alerts.some((m) => m.includes('銀行戶口或信用卡資料') && m.replace(/\s/g, '').includes('+85263332000')),
    ).toBe(true)
    // Complying with something else still alerts IT, without claiming a code was given.
    const other = alerts.find((m) => m.replace(/\s/g, '').includes('+85263333000'))!
    expect(other).toContain('有照做')
    expect(other).not.toContain('交出')
    expect(alerts.some((m) => m.replace(/\s/g, '').includes('+85263334000'))).toBe(false)
  })

  it('alerts an English-speaking IT administrator in English about a handed-over password', async () => {
    await t.db.query("UPDATE users SET locale = 'en' WHERE id = 'u-lam'")
    try {
      const before = messagesTo(t, 'u-lam').length
      await submitReport(
        t,
        cheung,
        reportValues({ identifier: '+852 6333 5000', askedFor: ['password'], complied: 'yes' }),
      )
      await t.worker.drain()
      const alert = messagesTo(t, 'u-lam').slice(before).join('\n')
      expect(alert).toContain('Urgent: a colleague handed over a password')
      expect(alert).not.toMatch(/[緊急交出]/)
    } finally {
      await t.db.query("UPDATE users SET locale = 'zh-HK' WHERE id = 'u-lam'")
    }
  })

  it('answers 404 for reports it cannot act on', async () => {
    const res = await act({ action: 'set_status', reportIds: ['rep_missing'], status: 'false_alarm' })
    expect(res.statusCode).toBe(404)
  })
})
