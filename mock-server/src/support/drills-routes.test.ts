import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { messagesTo, reportValues, submitReport } from './test-helpers'

let t: TestApp
let ng: TestCredentials
let lam: TestCredentials
beforeAll(async () => {
  t = await createTestApp()
  ;[ng, lam] = await Promise.all([t.signIn('u-ng'), t.signIn('u-lam')])
})
afterAll(async () => {
  await t.close()
})

const drill = (over: Record<string, unknown> = {}) => ({
  name: 'Q4 fake DingTalk support',
  lureKind: 'phone',
  lureIdentifier: '+852 5550 0100',
  messageTitle: '【釘釘客服】帳戶異常通知',
  messageBody: '你的釘釘帳戶將於今日凍結。請立即致電客服 +852 5550 0100 核實身份。',
  departments: ['Litigation'],
  scheduledAt: new Date(Date.now() - 1000).toISOString(),
  ...over,
})

describe('drills', () => {
  it('sends the simulated message to the chosen department; a report of it counts for the drill and stays out of the queue', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/support/drills', headers: lam.headers, payload: drill() }))
        .statusCode,
    ).toBe(403)
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/support/drills',
      headers: ng.headers,
      payload: drill(),
    })
    expect(created.statusCode).toBe(201)
    const d = created.json()
    expect(d).toMatchObject({ status: 'scheduled', targets: 0, reportRate: null })
    expect(d.campaignId).toMatch(/^DRILL-\d{4}Q[1-4]-[0-9A-F]{6}$/)

    await t.worker.drain()
    // Litigation: Chan, Lee, Cheung.
    for (const u of ['u-chan', 'u-lee', 'u-cheung'])
      expect(messagesTo(t, u).some((m) => m.includes('帳戶異常通知'))).toBe(true)
    expect(messagesTo(t, 'u-wong').some((m) => m.includes('帳戶異常通知'))).toBe(false)

    const cheung = await t.signIn('u-cheung')
    const rep = await submitReport(
      t,
      cheung,
      reportValues({ identifier: '55500100', claimedIdentity: 'dingtalk_support' }),
    )
    expect(rep.statusCode).toBe(201)
    expect(rep.json().campaignId).toBe(d.campaignId)
    // Someone the drill was not sent to reports the same number: a real report.
    const wong = await t.signIn('u-wong')
    const real = await submitReport(t, wong, reportValues({ identifier: '+85255500100' }))
    expect(real.json().campaignId).toBeNull()

    const queue = (await t.app.inject({ method: 'GET', url: '/api/support/triage', headers: lam.headers })).json()
    const ids = queue.groups.flatMap((g: { reports: { id: string }[] }) => g.reports.map((r) => r.id))
    expect(ids).toContain(real.json().id)
    expect(ids).not.toContain(rep.json().id)
    const act = await t.app.inject({
      method: 'POST',
      url: '/api/support/triage/actions',
      headers: lam.headers,
      payload: { action: 'set_status', reportIds: [rep.json().id], status: 'false_alarm' },
    })
    expect(act.statusCode).toBe(404)

    const list = (await t.app.inject({ method: 'GET', url: '/api/support/drills', headers: ng.headers })).json()
    expect(list.items[0]).toMatchObject({ id: d.id, status: 'sent', targets: 3, reported: 1 })
    expect(list.items[0].reportRate).toBeCloseTo(1 / 3)

    await t.worker.drain()
    expect(messagesTo(t, 'u-cheung').at(-1)).toContain(d.campaignId)
    // Reporting twice still counts once.
    await submitReport(t, cheung, reportValues({ identifier: '+852 5550 0100' }))
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/support/drills', headers: ng.headers })).json().items[0].reported,
    ).toBe(1)

    const dash = (await t.app.inject({ method: 'GET', url: '/api/support/dashboard', headers: ng.headers })).json()
    const lit = dash.drillRates.find((r: { department: string }) => r.department === 'Litigation')
    expect(lit).toMatchObject({ targets: 3, reported: 1 })
    expect(dash.quarters).toContain(lit.quarter)
    expect(dash.realReports.find((r: { department: string }) => r.department === 'Corporate')).toMatchObject({
      reports: 1,
    })
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/support/dashboard', headers: cheung.headers })).statusCode,
    ).toBe(403)
  })

  it('cancels a drill before it is sent, and refuses an official channel as lure', async () => {
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/support/drills',
      headers: ng.headers,
      payload: drill({ scheduledAt: new Date(Date.now() + 86_400_000).toISOString() }),
    })
    const id = later.json().id
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/support/drills/${id}/cancel`, headers: ng.headers })).json()
        .status,
    ).toBe('cancelled')
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/support/drills/${id}/cancel`, headers: ng.headers })).statusCode,
    ).toBe(409)
    const official = await t.app.inject({
      method: 'POST',
      url: '/api/support/drills',
      headers: ng.headers,
      payload: drill({ lureKind: 'url', lureIdentifier: 'https://www.dingtalk.com' }),
    })
    expect(official.statusCode).toBe(400)
    expect(official.json().error.fields[0].code).toBe('official_channel')
  })

  it('thanks each reporter of a drill in their own language', async () => {
    await t.db.query("UPDATE users SET locale = 'en' WHERE id = 'u-lee'")
    try {
      const payload = drill({ lureIdentifier: '+852 5550 0200', messageBody: '請致電 +852 5550 0200' })
      const d = (
        await t.app.inject({ method: 'POST', url: '/api/support/drills', headers: ng.headers, payload })
      ).json()
      await t.worker.drain()
      const [lee, cheung] = await Promise.all([t.signIn('u-lee'), t.signIn('u-cheung')])
      await submitReport(t, lee, reportValues({ identifier: '+852 5550 0200' }))
      await submitReport(t, cheung, reportValues({ identifier: '55500200' }))
      await t.worker.drain()
      type Card = { action_card: { title: string; markdown: string; single_title: string } }
      const card = (userId: string) =>
        t.sim.state.messages.filter((m) => m.userid === `dt-${userId}`).at(-1)?.msg as Card
      expect(card('u-lee').action_card).toMatchObject({ title: 'Drill: well spotted!', single_title: 'Open' })
      expect(card('u-lee').action_card.markdown).toContain('DingTalk has no Hong Kong hotline')
      expect(card('u-cheung').action_card).toMatchObject({ title: '演習：你識破了！', single_title: '打開' })
      expect(card('u-cheung').action_card.markdown).toContain('釘釘沒有香港客服熱線')
      for (const u of ['u-lee', 'u-cheung']) expect(card(u).action_card.markdown).toContain(d.campaignId)
    } finally {
      await t.db.query("UPDATE users SET locale = 'zh-HK' WHERE id = 'u-lee'")
    }
  })
})

describe('registry and known-scam list', () => {
  it('IT drafts channels, publishing announces them to all staff, staff see only published ones', async () => {
    const staff = await t.signIn('u-ho')
    const add = (payload: Record<string, unknown>, who = lam) =>
      t.app.inject({ method: 'POST', url: '/api/support/channels', headers: who.headers, payload })
    expect((await add({ kind: 'phone', identifier: '2123 4567', label: 'Firm IT helpdesk' }, staff)).statusCode).toBe(
      403,
    )
    const c = await add({ kind: 'phone', identifier: '2123 4567', label: 'Firm IT helpdesk' })
    expect(c.json()).toMatchObject({ value: '+85221234567', status: 'draft' })
    expect((await add({ kind: 'phone', identifier: '+852 2123-4567', label: 'again' })).statusCode).toBe(409)
    expect((await add({ kind: 'phone', identifier: '12', label: 'bad' })).statusCode).toBe(400)
    const seen = () =>
      t.app
        .inject({ method: 'GET', url: '/api/support/channels', headers: staff.headers })
        .then((r) => r.json().items.map((i: { value: string }) => i.value))
    expect(await seen()).toEqual(['dingtalk.com'])
    const before = t.sim.state.messages.length
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/support/channels/publish', headers: lam.headers })).json(),
    ).toMatchObject({ published: 1, notified: 7 })
    await t.worker.drain()
    expect(t.sim.state.messages.length - before).toBe(7)
    expect(messagesTo(t, 'u-ho').at(-1)).toContain('Firm IT helpdesk')
    expect(await seen()).toEqual(expect.arrayContaining(['dingtalk.com', '+85221234567']))
    const check = await t.app.inject({
      method: 'POST',
      url: '/api/support/check',
      headers: staff.headers,
      payload: { identifier: '21234567' },
    })
    expect(check.json()).toMatchObject({ verdict: 'official', matchLabel: 'Firm IT helpdesk' })
    // Nothing new: nobody is bothered.
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/support/channels/publish', headers: lam.headers })).json()
        .notified,
    ).toBe(0)
    // Retiring waits for the next publication.
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/support/channels/${c.json().id}`, headers: lam.headers }))
        .statusCode,
    ).toBe(204)
    expect(await seen()).toContain('+85221234567')
    await t.app.inject({ method: 'POST', url: '/api/support/channels/publish', headers: lam.headers })
    expect(await seen()).not.toContain('+85221234567')
  })

  it('announces a publication to each member of staff in their own language', async () => {
    await t.db.query("UPDATE users SET locale = 'en' WHERE id = 'u-ho'")
    try {
      const payload = { kind: 'phone', identifier: '2123 9999', label: 'Reception' }
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/support/channels', headers: lam.headers, payload }))
          .statusCode,
      ).toBe(201)
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/support/channels/publish', headers: lam.headers })).json(),
      ).toMatchObject({ published: 1, notified: 7 })
      await t.worker.drain()
      const toHo = messagesTo(t, 'u-ho').at(-1)!
      expect(toHo).toContain('Official channels updated')
      expect(toHo).toContain('Reception')
      expect(toHo).not.toContain('官方')
      const toLee = messagesTo(t, 'u-lee').at(-1)!
      expect(toLee).toContain('官方聯絡渠道已更新')
      expect(toLee).toContain('Reception')
    } finally {
      await t.db.query("UPDATE users SET locale = 'zh-HK' WHERE id = 'u-ho'")
    }
  })

  it('imports a list, skipping duplicates and reporting bad lines; the device lists include it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/support/known-scams/import',
      headers: lam.headers,
      payload: {
        source: 'ADCC alert 2026-11',
        entries: [
          { identifier: 'https://dingtalk-hk-help.top/x' },
          { identifier: '+852 6000 0001' },
          { identifier: '852 60000001' },
          { kind: 'phone', identifier: 'nope' },
        ],
      },
    })
    expect(res.json()).toEqual({
      added: 2,
      alreadyListed: 0,
      invalid: [{ index: 3, identifier: 'nope', reason: 'invalid_identifier' }],
    })
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/support/known-scams/import',
      headers: lam.headers,
      payload: { entries: [{ identifier: '+85260000001' }] },
    })
    expect(again.json()).toMatchObject({ added: 0, alreadyListed: 1 })
    const staff = await t.signIn('u-ho')
    const lists = (
      await t.app.inject({ method: 'GET', url: '/api/support/check-lists', headers: staff.headers })
    ).json()
    expect(lists.knownScams).toEqual(
      expect.arrayContaining([
        { kind: 'url', value: 'dingtalk-hk-help.top' },
        { kind: 'phone', value: '+85260000001' },
      ]),
    )
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/support/known-scams', headers: staff.headers })).statusCode,
    ).toBe(403)
  })
})
