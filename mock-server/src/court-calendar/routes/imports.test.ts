import type { Hearing, ImportPreview } from '@suite/domain'
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

const vevent = (uid: string, lines: string[]) => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  'DTSTAMP:20260301T000000Z',
  ...lines,
  'END:VEVENT',
]
const ics = (events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example CMS//EN', ...events.flat(), 'END:VCALENDAR'].join('\r\n')

const FILE = (trialStart = '20260504T093000') =>
  ics([
    vevent('cms-1', [
      `DTSTART;TZID=Asia/Hong_Kong:${trialStart}`,
      'DTEND;TZID=Asia/Hong_Kong:20260504T123000',
      'SUMMARY:HCA 1234/2026 Trial (day 1)',
      'LOCATION:High Court\\, Court No. 13',
      'DESCRIPTION:Judge: Hon Chan J',
    ]),
    vevent('cms-2', ['DTSTART;TZID=Asia/Hong_Kong:20260504T150000', 'SUMMARY:Client meeting']),
    vevent('cms-3', ['DTSTART;TZID=Asia/Hong_Kong:20260506T093000', 'SUMMARY:DCCJ 5678/2026 PTR']),
    vevent('cms-4', ['DTSTART;TZID=Asia/Hong_Kong:20260507T100000', 'SUMMARY:Joint CMC HCA 1234/2026 & HCMP 420/2025']),
    vevent('cms-5', ['DTSTART:20260505T013000Z', 'DTEND:20260505T023000Z', 'SUMMARY:HCMP 420/2025 mention']),
    vevent('cms-6', [
      'DTSTART;TZID=Asia/Hong_Kong:20260508T100000',
      'SUMMARY:HCA 1234/2026 Chambers',
      'STATUS:CANCELLED',
    ]),
  ])

const statusOf = (p: ImportPreview) =>
  p.rows.map((r) => `${r.row}:${r.status}${r.reason ? `:${r.reason}` : ''}${r.action ? `:${r.action}` : ''}`)

describe('iCalendar import with a preview', () => {
  it('shows matched, skipped and ambiguous rows; nothing is saved before commit', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const p = await chan<ImportPreview>('POST', '/imports/preview', { format: 'ical', text: FILE() }, 201)
    expect(statusOf(p)).toEqual([
      '1:matched:create',
      '2:skipped:no_case_number',
      '3:skipped:case_not_found',
      '4:ambiguous',
      '5:matched:create',
      '6:skipped:cancelled',
    ])
    expect(p.counts).toEqual({ matched: 2, skipped: 3, ambiguous: 1 })
    expect(p.rows[0]!.hearing).toMatchObject({
      courtCaseNumber: 'HCA 1234/2026',
      court: 'High Court',
      courtroom: '13',
      judge: 'Hon Chan J',
      type: 'trial',
      startsAt: '2026-05-04T09:30:00+08:00',
      endsAt: '2026-05-04T12:30:00+08:00',
    })
    expect(p.rows[4]!.hearing!.startsAt).toBe('2026-05-05T09:30:00+08:00')
    expect(p.rows[3]!.candidates.map((c) => c.caseId).sort()).toEqual(['case-hca-1234', 'case-hcmp-0420'])
    expect((await t.db.query('SELECT 1 FROM court_hearings')).rows).toHaveLength(0)

    // An ambiguous row must be resolved to one of its candidates.
    await chan('POST', `/imports/${p.id}/commit`, { resolutions: [{ row: 4, caseId: 'case-dccj-5678' }] }, 400)
    const r = await chan('POST', `/imports/${p.id}/commit`, { resolutions: [{ row: 4, caseId: 'case-hcmp-0420' }] })
    expect(r).toMatchObject({ created: 3, updated: 0, skipped: 3 })
    await chan('POST', `/imports/${p.id}/commit`, {}, 409)
    const h = await chan<Hearing>('GET', `/hearings/${r.hearingIds[0]}`)
    expect(h).toMatchObject({ source: 'ical', lawyerIds: ['u-chan'], caseId: 'case-hca-1234' })
  })

  it('a second import of the same file changes nothing; a moved event is an update that raises SEQUENCE', async () => {
    const chan = await courtCaller(t, 'u-chan')
    const again = await chan<ImportPreview>('POST', '/imports/preview', { format: 'ical', text: FILE() }, 201)
    expect(statusOf(again)).toEqual([
      '1:skipped:already_imported',
      '2:skipped:no_case_number',
      '3:skipped:case_not_found',
      '4:skipped:already_imported',
      '5:skipped:already_imported',
      '6:skipped:cancelled',
    ])
    const moved = await chan<ImportPreview>(
      'POST',
      '/imports/preview',
      { format: 'ical', text: FILE('20260505T140000') },
      201,
    )
    expect(moved.rows[0]).toMatchObject({ status: 'matched', action: 'update' })
    const r = await chan('POST', `/imports/${moved.id}/commit`, {})
    expect(r).toMatchObject({ created: 0, updated: 1 })
    expect(await chan<Hearing>('GET', `/hearings/${r.hearingIds[0]}`)).toMatchObject({
      startsAt: '2026-05-05T14:00:00+08:00',
      sequence: 1,
    })
  })

  it('matches only cases the importer may change: a client sees every row as case not found', async () => {
    const p = await (
      await courtCaller(t, 'u-client-tse')
    )<ImportPreview>('POST', '/imports/preview', { format: 'ical', text: FILE() }, 201)
    expect(p.counts.matched + p.counts.ambiguous).toBe(0)
  })

  it('re-checks permission at commit time', async () => {
    const lee = await courtCaller(t, 'u-lee')
    const p = await lee<ImportPreview>(
      'POST',
      '/imports/preview',
      {
        format: 'ical',
        text: ics([vevent('lee-1', ['DTSTART;TZID=Asia/Hong_Kong:20260601T100000', 'SUMMARY:HCA 1234/2026 mention'])]),
      },
      201,
    )
    expect(p.counts.matched).toBe(1)
    await t.db.query(`UPDATE case_members SET status = 'walled' WHERE case_id = 'case-hca-1234' AND user_id = 'u-lee'`)
    try {
      await lee('POST', `/imports/${p.id}/commit`, {}, 403)
    } finally {
      await t.db.query(
        `UPDATE case_members SET status = 'active' WHERE case_id = 'case-hca-1234' AND user_id = 'u-lee'`,
      )
    }
    // Another person cannot commit (or even see) someone else's preview.
    await (
      await courtCaller(t, 'u-chan')
    )('POST', `/imports/${p.id}/commit`, {}, 404)
  })

  it('refuses text that is not iCalendar', async () => {
    await (
      await courtCaller(t, 'u-chan')
    )('POST', '/imports/preview', { format: 'ical', text: 'hello' }, 400)
  })
})

describe('CSV import', () => {
  it('reads English headers, quoted cells, day-first dates and 12-hour times', async () => {
    const csv = [
      'Case No.,Court,Courtroom,Judge,Date,Time,End time,Nature,Parties',
      'HCA 1234/2026,Court of First Instance,7,Hon Lee J,04/06/2026,2:30 pm,4:00 pm,Case management conference,"Tse v Oriental, Ltd"',
      'HCA 1234/2026,Court of First Instance,7,Hon Lee J,04/06/2026,soon,,Mention,x',
    ].join('\r\n')
    const p = await (
      await courtCaller(t, 'u-lee')
    )<ImportPreview>('POST', '/imports/preview', { format: 'csv', text: csv }, 201)
    expect(statusOf(p)).toEqual(['1:matched:create', '2:skipped:invalid_time'])
    expect(p.rows[0]!.hearing).toMatchObject({
      type: 'case_management',
      title: 'Tse v Oriental, Ltd',
      courtroom: '7',
      judge: 'Hon Lee J',
      startsAt: '2026-06-04T14:30:00+08:00',
      endsAt: '2026-06-04T16:00:00+08:00',
    })
  })

  it('reads Chinese headers and times (with a BOM)', async () => {
    const csv =
      '\uFEFF案件編號,法院,法庭,法官,日期,時間,性質\nDCCJ 5678/2026,區域法院,21,黃法官,2026年6月5日,下午2時30分,審訊\n'
    const p = await (
      await courtCaller(t, 'u-wong')
    )<ImportPreview>('POST', '/imports/preview', { format: 'csv', text: csv, defaultDurationMinutes: 90 }, 201)
    expect(p.rows[0]).toMatchObject({ status: 'matched', caseId: 'case-dccj-5678' })
    expect(p.rows[0]!.hearing).toMatchObject({
      court: '區域法院',
      courtroom: '21',
      judge: '黃法官',
      type: 'trial',
      startsAt: '2026-06-05T14:30:00+08:00',
      endsAt: '2026-06-05T16:00:00+08:00',
    })
  })
})

describe('HK Judiciary daily cause list (pasted)', () => {
  const english = [
    'HIGH COURT',
    'COURT OF FIRST INSTANCE',
    'Daily Cause List for Monday, 4 May 2026',
    '',
    'Court No. 13',
    'Before: Hon Mr Justice Chan',
    'Time\tCase No.\tParties\tNature\tRepresentation',
    '9:30 a.m.\tHCA 1234/2026\tTSE KA FAI v ORIENTAL TRADING LTD\tPre-trial Review\tChan & Wong',
    '\tHCA 9999/2026\tSOMEONE v OTHER\tSummons\tX & Co',
    '2:30 p.m.\tHCMP 420/2025\tRe ORIENTAL TRADING LTD\tMention\tChan & Wong',
  ].join('\n')

  it('reads English headers and headings (court, courtroom, judge, date); a blank time carries down', async () => {
    const p = await (
      await courtCaller(t, 'u-chan')
    )<ImportPreview>('POST', '/imports/preview', { format: 'cause_list', text: english }, 201)
    expect(statusOf(p)).toEqual(['1:matched:create', '2:skipped:case_not_found', '3:matched:create'])
    expect(p.rows[0]!.hearing).toMatchObject({
      courtCaseNumber: 'HCA 1234/2026',
      court: 'Court of First Instance 原訟法庭',
      courtroom: '13',
      judge: 'Hon Mr Justice Chan',
      type: 'pre_trial_review',
      title: 'TSE KA FAI v ORIENTAL TRADING LTD',
      startsAt: '2026-05-04T09:30:00+08:00',
      endsAt: '2026-05-04T10:30:00+08:00',
    })
    expect(p.rows[1]!.hearing!.startsAt).toBe('2026-05-04T09:30:00+08:00')
    expect(p.rows[2]!.hearing).toMatchObject({ type: 'mention', startsAt: '2026-05-04T14:30:00+08:00' })
  })

  it('reads Chinese headers and headings', async () => {
    const chinese = [
      '區域法院',
      '2026年5月5日（星期二）審訊案件表',
      '第21號法庭',
      '法官：黃法官',
      '時間\t案件編號\t訴訟各方\t聆訊性質',
      '上午9時30分\tDCCJ 5678/2026\t梁詠詩 訴 某公司\t審訊',
    ].join('\n')
    const p = await (
      await courtCaller(t, 'u-wong')
    )<ImportPreview>('POST', '/imports/preview', { format: 'cause_list', text: chinese }, 201)
    expect(p.rows[0]).toMatchObject({ status: 'matched', caseId: 'case-dccj-5678' })
    expect(p.rows[0]!.hearing).toMatchObject({
      court: 'District Court 區域法院',
      courtroom: '21',
      judge: '黃法官',
      type: 'trial',
      startsAt: '2026-05-05T09:30:00+08:00',
    })
  })

  it('needs a date: from the text or from the request', async () => {
    const undated = ['Time\tCase No.\tNature', '10:00\tHCA 1234/2026\tMention'].join('\n')
    const chan = await courtCaller(t, 'u-chan')
    expect(
      statusOf(await chan<ImportPreview>('POST', '/imports/preview', { format: 'cause_list', text: undated }, 201)),
    ).toEqual(['1:skipped:missing_field'])
    const dated = await chan<ImportPreview>(
      'POST',
      '/imports/preview',
      { format: 'cause_list', text: undated, date: '2026-05-11' },
      201,
    )
    expect(dated.rows[0]!.hearing!.startsAt).toBe('2026-05-11T10:00:00+08:00')
    const err = await chan('POST', '/imports/preview', { format: 'cause_list', text: 'no table here' }, 400)
    expect(err.error.fields[0].code).toBe('empty')
  })
})
