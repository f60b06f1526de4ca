import ICAL from 'ical.js'
import type { Deadline, Hearing } from '@suite/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../testing'
import { COURT_TEST_ENV, courtCaller } from '../test-helpers'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ env: COURT_TEST_ENV })
  t.setNow(new Date('2026-03-02T02:00:00Z'))
})
afterAll(async () => {
  await t.close()
})

const CASE = 'case-hca-1234'

async function fetchFeed(url: string) {
  const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname })
  return res
}

/** Parse with an independent parser (ical.js) and index the events by UID. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text))
  const tz = cal.getFirstSubcomponent('vtimezone')
  if (tz) ICAL.TimezoneService.register(tz)
  const events = new Map(cal.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), v]))
  return { cal, tz, events }
}

describe('the iCalendar feed', () => {
  let hearing: Hearing
  let deadline: Deadline
  let url: string

  beforeAll(async () => {
    const chan = await courtCaller(t, 'u-chan')
    hearing = await chan<Hearing>(
      'POST',
      '/hearings',
      {
        caseId: CASE,
        court: 'Court of First Instance 原訟法庭',
        courtroom: '13',
        judge: 'Hon Chan J',
        type: 'trial',
        title:
          '審訊：謝家輝 訴 東方貿易有限公司，合約糾紛；第一天（共五天）Trial day 1 of 5, Tse Ka-fai v Oriental Trading Ltd',
        startsAt: '2026-04-02T10:00:00+08:00',
        endsAt: '2026-04-02T16:30:00+08:00',
        lawyerIds: ['u-chan'],
      },
      201,
    )
    deadline = await chan<Deadline>(
      'POST',
      '/deadlines',
      {
        caseId: CASE,
        kind: 'computed',
        title: 'Serve the summons',
        anchor: { type: 'hearing', hearingId: hearing.id },
        templateId: 'summons-service',
      },
      201,
    )
    url = (await chan<{ url: string }>('POST', '/feed', undefined, 201)).url
  })

  it('is a secret URL the caller can read back', async () => {
    expect(url).toMatch(/\/api\/court-calendar\/feed\/[\w-]+\.[\w-]+\/calendar\.ics$/)
    expect((await (await courtCaller(t, 'u-chan'))('GET', '/feed')).url).toBe(url)
  })

  it('is valid RFC 5545 for ical.js: stable UIDs, DTSTAMP, a Hong Kong VTIMEZONE, timed hearings and all-day deadlines', async () => {
    const res = await fetchFeed(url)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/calendar/)
    expect(res.body.includes('\r\n')).toBe(true)
    for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const { cal, tz, events } = parse(res.body)
    expect(cal.getFirstPropertyValue('version')).toBe('2.0')
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Asia/Hong_Kong')

    const h = events.get(`hearing-${CASE}-${hearing.id}@court-calendar.legal-suite`)!
    expect(h).toBeDefined()
    const ev = new ICAL.Event(h)
    expect(ev.summary).toBe(`HCA 1234/2026 ${hearing.title}`)
    expect(h.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Hong_Kong')
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-04-02T02:00:00.000Z')
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-04-02T08:30:00.000Z')
    expect(h.getFirstPropertyValue('sequence')).toBe(0)
    expect(h.getFirstPropertyValue('dtstamp')).toBeTruthy()
    expect(h.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(ev.location).toBe('Court of First Instance 原訟法庭 第 13 號法庭')

    const d = new ICAL.Event(events.get(`deadline-${CASE}-${deadline.id}@court-calendar.legal-suite`)!)
    expect(d.startDate.isDate).toBe(true)
    expect(d.startDate.toString()).toBe('2026-03-30')
    expect(d.endDate.toString()).toBe('2026-03-31')
  })

  it('keeps the UID and raises SEQUENCE when the hearing moves (and its deadline with it), then marks cancellations', async () => {
    const chan = await courtCaller(t, 'u-chan')
    await chan('PATCH', `/hearings/${hearing.id}`, {
      startsAt: '2026-04-08T10:00:00+08:00',
      endsAt: '2026-04-08T16:30:00+08:00',
    })
    let { events } = parse((await fetchFeed(url)).body)
    const h = events.get(`hearing-${CASE}-${hearing.id}@court-calendar.legal-suite`)!
    expect(h.getFirstPropertyValue('sequence')).toBe(1)
    expect(new ICAL.Event(h).startDate.toJSDate().toISOString()).toBe('2026-04-08T02:00:00.000Z')
    const d = events.get(`deadline-${CASE}-${deadline.id}@court-calendar.legal-suite`)!
    expect(d.getFirstPropertyValue('sequence')).toBe(1)
    expect(new ICAL.Event(d).startDate.toString()).toBe('2026-03-31')

    // A change that is not a change of time keeps the sequence.
    await chan('PATCH', `/hearings/${hearing.id}`, { courtroom: '14' })
    ;({ events } = parse((await fetchFeed(url)).body))
    expect(
      events.get(`hearing-${CASE}-${hearing.id}@court-calendar.legal-suite`)!.getFirstPropertyValue('sequence'),
    ).toBe(1)

    await chan('POST', `/hearings/${hearing.id}/cancel`)
    ;({ events } = parse((await fetchFeed(url)).body))
    const cancelled = events.get(`hearing-${CASE}-${hearing.id}@court-calendar.legal-suite`)!
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(cancelled.getFirstPropertyValue('sequence')).toBe(2)
    await chan('POST', `/hearings/${hearing.id}/restore`)
  })

  it('shows each person only the cases they belong to', async () => {
    const wong = await courtCaller(t, 'u-wong')
    const wongUrl = (await wong<{ url: string }>('POST', '/feed', undefined, 201)).url
    expect(parse((await fetchFeed(wongUrl)).body).events.size).toBe(0)
    const client = await courtCaller(t, 'u-client-tse')
    const clientUrl = (await client<{ url: string }>('POST', '/feed', undefined, 201)).url
    expect([...parse((await fetchFeed(clientUrl)).body).events.keys()]).toContain(
      `hearing-${CASE}-${hearing.id}@court-calendar.legal-suite`,
    )
    // Walled off the case: the next fetch no longer has it.
    await t.db.query(`UPDATE case_members SET status = 'walled' WHERE case_id = $1 AND user_id = 'u-chan'`, [CASE])
    try {
      expect(parse((await fetchFeed(url)).body).events.size).toBe(0)
    } finally {
      await t.db.query(`UPDATE case_members SET status = 'active' WHERE case_id = $1 AND user_id = 'u-chan'`, [CASE])
    }
  })

  it('is revocable: a rotated or revoked URL answers 404 at once; a forged token too', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const rotated = (await chan<{ url: string }>('POST', '/feed', undefined, 201)).url
    expect(rotated).not.toBe(url)
    expect((await fetchFeed(url)).statusCode).toBe(404)
    expect((await fetchFeed(rotated)).statusCode).toBe(200)
    const forged = rotated.replace(
      /\.([\w-]+)\/calendar\.ics$/,
      '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar.ics',
    )
    expect((await fetchFeed(forged)).statusCode).toBe(404)
    await chan('DELETE', '/feed', undefined, 204)
    expect((await fetchFeed(rotated)).statusCode).toBe(404)
    expect((await chan('GET', '/feed')).url).toBeNull()
    const actions = (
      await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'court.feed.%' ORDER BY seq`)
    ).rows.map((r) => r.action)
    expect(actions).toEqual([
      'court.feed.create',
      'court.feed.create',
      'court.feed.create',
      'court.feed.rotate',
      'court.feed.revoke',
    ])
  })
})
