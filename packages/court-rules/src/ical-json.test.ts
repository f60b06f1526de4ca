import { describe, expect, it } from 'vitest'
import { createCourtCalendar } from './calendar'
import { computeDeadline } from './deadline'
import { mergeHolidayLists } from './hk-holidays'
import { HolidayFileError, mergeLanguageFiles, parseHolidayFile } from './ical-json'

/** A file shaped like the Government's 1823 download. */
function govFile(events: { start: string; end: string; summary: string }[]) {
  return JSON.stringify({
    vcalendar: [
      {
        prodid: '-//1823 Call Centre//Hong Kong Public Holidays//EN',
        version: '2.0',
        calscale: 'GREGORIAN',
        'x-wr-timezone': 'Asia/Hong_Kong',
        vevent: events.map((e, i) => ({
          dtstart: [e.start, { value: 'DATE' }],
          dtend: [e.end, { value: 'DATE' }],
          transp: 'TRANSPARENT',
          uid: `2025${i}@1823.gov.hk`,
          summary: e.summary,
        })),
      },
    ],
  })
}

const FILE_2025 = govFile([
  { start: '20250101', end: '20250102', summary: 'The first day of January' },
  { start: '20250418', end: '20250419', summary: 'Good Friday' },
  { start: '20250419', end: '20250420', summary: 'The day following Good Friday' },
  { start: '20250421', end: '20250422', summary: 'Easter Monday' },
])

describe('the 1823 holiday file', () => {
  it('parses a file that starts with a UTF-8 BOM (as text and as bytes)', () => {
    const withBom = `\uFEFF${FILE_2025}`
    const a = parseHolidayFile(withBom)
    expect(a.holidays.map((h) => h.date)).toEqual(['2025-01-01', '2025-04-18', '2025-04-19', '2025-04-21'])
    expect(a.years).toEqual([2025])
    expect(a.prodId).toContain('1823')
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FILE_2025)])
    expect(parseHolidayFile(bytes).holidays).toEqual(a.holidays)
  })

  it('treats dtend as exclusive and expands a several-day event into one holiday per day', () => {
    const r = parseHolidayFile(govFile([{ start: '20250129', end: '20250201', summary: 'Lunar New Year' }]))
    expect(r.holidays.map((h) => h.date)).toEqual(['2025-01-29', '2025-01-30', '2025-01-31'])
  })

  it('recognises the Traditional Chinese file and merges both languages', () => {
    const zh = parseHolidayFile(govFile([{ start: '20250418', end: '20250419', summary: '耶穌受難節' }]))
    expect(zh.holidays[0]).toEqual({ date: '2025-04-18', name: '耶穌受難節', nameZh: '耶穌受難節' })
    const merged = mergeLanguageFiles(parseHolidayFile(FILE_2025), zh)
    expect(merged.find((h) => h.date === '2025-04-18')).toEqual({
      date: '2025-04-18',
      name: 'Good Friday',
      nameZh: '耶穌受難節',
    })
  })

  it('an imported year drives the calculation in place of the bundled list', () => {
    // A file that (newly) lists 22 April 2025 as a holiday moves the worked example on. The file
    // replaces the whole of 2025, so Labour Day (not in this file) counts: 1 May, not 2 May.
    const file = govFile([
      { start: '20250418', end: '20250420', summary: 'Easter' },
      { start: '20250421', end: '20250423', summary: 'Easter Monday and a new holiday' },
    ])
    const parsed = parseHolidayFile(`\uFEFF${file}`)
    const { holidays, years } = mergeHolidayLists(parsed.holidays, parsed.years)
    const cal = createCourtCalendar({ holidays, holidayYears: years })
    expect(computeDeadline({ from: '2025-04-17', period: 7, direction: 'after' }, cal).deadline).toBe('2025-05-01')
  })

  it.each([
    ['not json', /not valid JSON/, ''],
    ['{"vcalendar":[]}', /no "vcalendar"/, 'vcalendar'],
    ['{"vcalendar":[{}]}', /no "vevent"/, 'vcalendar[0].vevent'],
    [govFile([{ start: '20250230', end: '20250301', summary: 'x' }]), /not a date/, 'vcalendar[0].vevent[0].dtstart'],
    [govFile([{ start: '20250102', end: '20250101', summary: 'x' }]), /not after/, 'vcalendar[0].vevent[0].dtend'],
    [govFile([{ start: '20250101', end: '20250102', summary: ' ' }]), /summary/, 'vcalendar[0].vevent[0].summary'],
  ])('refuses a bad file with a path to the problem (%#)', (text, message, path) => {
    expect(() => parseHolidayFile(text)).toThrow(message)
    try {
      parseHolidayFile(text)
    } catch (e) {
      expect(e).toBeInstanceOf(HolidayFileError)
      expect((e as HolidayFileError).path).toBe(path)
    }
  })
})
