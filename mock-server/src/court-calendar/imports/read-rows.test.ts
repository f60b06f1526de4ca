import { describe, expect, it } from 'vitest'
import { courtFromCaseNumber, findCaseNumbers, hearingTypeOf, parseDate, parseDateTime, parseTime } from './read-rows'
import { CSV_TEMPLATE_HEADERS, courtCsvTemplate } from '@suite/domain'
import { parseCsv, readCsv } from './csv'

describe('reading import rows', () => {
  it('finds Hong Kong case numbers in any spacing or width, each once', () => {
    expect(findCaseNumbers('HCA 1234/2026; hca1234 / 2026 and ＨＣＭＰ　４２０／２０２５, DCCJ 005678/2026')).toEqual([
      'HCA 1234/2026',
      'HCMP 420/2025',
      'DCCJ 5678/2026',
    ])
    expect(findCaseNumbers('Room 12/2026 is not a case')).toEqual([])
    expect(courtFromCaseNumber('CACV 12/2026')).toBe('Court of Appeal 上訴法庭')
  })

  it('reads dates and times the way Hong Kong documents write them', () => {
    expect(parseDate('Monday, 4 May 2026')).toBe('2026-05-04')
    expect(parseDate('2026年5月4日（星期一）')).toBe('2026-05-04')
    expect(parseDate('04/05/2026')).toBe('2026-05-04')
    expect(parseDate('31/02/2026')).toBeNull()
    expect(parseTime('9:30 a.m.')).toEqual([9, 30])
    expect(parseTime('12:15 p.m.')).toEqual([12, 15])
    expect(parseTime('12 am')).toEqual([0, 0])
    expect(parseTime('下午2時30分')).toEqual([14, 30])
    expect(parseTime('上午10時')).toEqual([10, 0])
    expect(parseTime('14.45')).toEqual([14, 45])
    expect(parseTime('soon')).toBeNull()
    expect(parseDateTime('2026-05-04 09:30')!.toISOString()).toBe('2026-05-04T01:30:00.000Z')
    expect(parseDateTime('2026-05-04T09:30:00Z')!.toISOString()).toBe('2026-05-04T09:30:00.000Z')
    expect(parseDateTime('04/05/2026 2:30 pm')!.toISOString()).toBe('2026-05-04T06:30:00.000Z')
  })

  it('guesses hearing types in English and Chinese, pre-trial review before trial', () => {
    expect(hearingTypeOf('Pre-trial Review')).toBe('pre_trial_review')
    expect(hearingTypeOf('審前覆核')).toBe('pre_trial_review')
    expect(hearingTypeOf('Trial (day 2)')).toBe('trial')
    expect(hearingTypeOf('Summons for directions')).toBe('interlocutory')
    expect(hearingTypeOf('提訊')).toBe('mention')
    expect(hearingTypeOf('')).toBe('other')
  })

  it('parses CSV with quotes, doubled quotes, newlines in cells, and tab or semicolon separators', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ])
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(parseCsv('\uFEFFa;b\n1;2\n\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it.each(['zh-HK', 'zh-CN', 'en'] as const)(
    'reads the downloadable template in %s: every header is known, dates day/month/year',
    (locale) => {
      const [row] = readCsv(courtCsvTemplate(locale), 60)
      expect(row).toMatchObject({ caseNumbers: ['HCA 1234/2026'], courtroom: '12', problem: null })
      expect(row!.startsAt!.toISOString()).toBe('2026-05-04T01:30:00.000Z')
      expect(row!.endsAt!.toISOString()).toBe('2026-05-04T04:30:00.000Z')
      expect(row!.court).not.toBeNull()
      expect(row!.type).toBe('pre_trial_review')
      expect(CSV_TEMPLATE_HEADERS[locale]).toHaveLength(9)
    },
  )

  it('takes the headers people write: Case No. / Case number / 案件編號, Date / 日期, Time / 時間, Court / 法院', () => {
    for (const header of [
      'Case No.,Date,Time,Court',
      'Case number,Hearing date,Time,Venue',
      '案件編號,日期,時間,法院',
      '案件编号：,日期,时间,地点',
    ]) {
      const [row] = readCsv(`\uFEFF${header}\nHCA 1234/2026,04/05/2026,2:30 pm,高等法院\n`, 60)
      expect(row, header).toMatchObject({ caseNumbers: ['HCA 1234/2026'], court: '高等法院', problem: null })
      expect(row!.startsAt!.toISOString(), header).toBe('2026-05-04T06:30:00.000Z')
    }
  })
})
