import { describe, expect, it } from 'vitest'
import { createCourtCalendar, type DeclaredDay } from './calendar'
import { computeDeadline, DeadlineInputError, type DeadlineInput } from './deadline'
import { HK_BUNDLED_YEARS, HK_GENERAL_HOLIDAYS } from './hk-holidays'

const calendar = (declared: DeclaredDay[] = []) =>
  createCourtCalendar({ holidays: HK_GENERAL_HOLIDAYS, declared, holidayYears: HK_BUNDLED_YEARS })
const compute = (input: DeadlineInput, declared: DeclaredDay[] = []) => computeDeadline(input, calendar(declared))
const dates = (r: { excluded: { date: string }[] }) => r.excluded.map((e) => e.date)

describe('O.3 r.2: the DOMAIN.md worked example', () => {
  it('7 days after Thursday 17 April 2025 ends on Wednesday 30 April (Easter and weekends left out)', () => {
    const r = compute({ from: '2025-04-17', period: 7, direction: 'after' })
    expect(r.deadline).toBe('2025-04-30')
    expect(r.counted).toEqual([
      '2025-04-22',
      '2025-04-23',
      '2025-04-24',
      '2025-04-25',
      '2025-04-28',
      '2025-04-29',
      '2025-04-30',
    ])
    expect(r.excluded).toEqual([
      { date: '2025-04-18', reason: 'general_holiday', name: 'Good Friday', nameZh: '耶穌受難節', rule: 'O.3 r.2(5)' },
      {
        date: '2025-04-19',
        reason: 'general_holiday',
        name: 'The day following Good Friday',
        nameZh: '耶穌受難節翌日',
        rule: 'O.3 r.2(5)',
      },
      { date: '2025-04-20', reason: 'sunday', rule: 'O.3 r.2(5)' },
      {
        date: '2025-04-21',
        reason: 'general_holiday',
        name: 'Easter Monday',
        nameZh: '復活節星期一',
        rule: 'O.3 r.2(5)',
      },
      { date: '2025-04-26', reason: 'saturday', rule: 'O.3 r.2(5)' },
      { date: '2025-04-27', reason: 'sunday', rule: 'O.3 r.2(5)' },
    ])
    expect(r.shortPeriodRule).toBe(true)
    expect(r.warnings).toEqual([])
  })

  it('8 days after the same Thursday counts straight through and ends on Friday 25 April', () => {
    const r = compute({ from: '2025-04-17', period: 8, direction: 'after' })
    expect(r.deadline).toBe('2025-04-25')
    expect(r.counted).toHaveLength(8)
    expect(r.counted[0]).toBe('2025-04-18')
    expect(r.excluded).toEqual([])
    expect(r.shortPeriodRule).toBe(false)
  })

  it('the period begins the day after the anchor date (r.2(2)): 1 day after a Monday is the Tuesday', () => {
    expect(compute({ from: '2025-03-03', period: 1, direction: 'after' }).deadline).toBe('2025-03-04')
  })
})

describe('holiday seasons', () => {
  it('Lunar New Year 2026: 3 days after Friday 13 February skips the weekends and 17-19 February', () => {
    const r = compute({ from: '2026-02-13', period: 3, direction: 'after' })
    expect(r.counted).toEqual(['2026-02-16', '2026-02-20', '2026-02-23'])
    expect(r.deadline).toBe('2026-02-23')
    expect(dates(r)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-21',
      '2026-02-22',
    ])
  })

  it('Lunar New Year 2025: a 14-day period ending on the first day runs on to Monday 3 February (O.3 r.4)', () => {
    const r = compute({ from: '2025-01-15', period: 14, direction: 'after' })
    expect(r.unadjusted).toBe('2025-01-29')
    expect(r.deadline).toBe('2025-02-03')
    expect(r.counted).toHaveLength(14)
    expect(r.excluded.map((e) => [e.date, e.reason, e.rule])).toEqual([
      ['2025-01-29', 'general_holiday', 'O.3 r.4'],
      ['2025-01-30', 'general_holiday', 'O.3 r.4'],
      ['2025-01-31', 'general_holiday', 'O.3 r.4'],
      ['2025-02-01', 'saturday', 'O.3 r.4'],
      ['2025-02-02', 'sunday', 'O.3 r.4'],
    ])
  })

  it('Easter 2026: 7 days after Wednesday 1 April ends on Wednesday 15 April', () => {
    const r = compute({ from: '2026-04-01', period: 7, direction: 'after' })
    expect(r.counted).toEqual([
      '2026-04-02',
      '2026-04-08',
      '2026-04-09',
      '2026-04-10',
      '2026-04-13',
      '2026-04-14',
      '2026-04-15',
    ])
    expect(r.excluded.filter((e) => e.reason === 'general_holiday').map((e) => e.name)).toEqual([
      'Good Friday',
      'The day following Good Friday',
      'The day following Ching Ming Festival',
      'The day following Easter Monday',
    ])
  })

  it('Christmas into the new year: 5 days after Tuesday 23 December 2025 ends on Friday 2 January 2026', () => {
    const r = compute({ from: '2025-12-23', period: 5, direction: 'after' })
    expect(r.counted).toEqual(['2025-12-24', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02'])
    expect(r.deadline).toBe('2026-01-02')
    expect(dates(r)).toEqual(['2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28', '2026-01-01'])
  })

  it('a 10-day period ending on 1 January 2027 runs on to Monday 4 January (year boundary, O.3 r.4)', () => {
    const r = compute({ from: '2026-12-22', period: 10, direction: 'after' })
    expect(r.unadjusted).toBe('2027-01-01')
    expect(r.deadline).toBe('2027-01-04')
    expect(r.excluded.map((e) => e.rule)).toEqual(['O.3 r.4', 'O.3 r.4', 'O.3 r.4'])
  })

  it('Christmas 2027 on a Saturday: the first weekday after it is Monday 27 December', () => {
    const r = compute({ from: '2027-12-23', period: 2, direction: 'after' })
    // 24 Fri counted; 25 Sat (Christmas), 26 Sun, 27 Mon (holiday) left out; 28 Tue counted.
    expect(r.counted).toEqual(['2027-12-24', '2027-12-28'])
  })
})

describe('periods before a date (r.2(3)) and clear days (r.2(4))', () => {
  it('7 days before Friday 16 May 2025 ends on Wednesday 7 May (weekend left out)', () => {
    const r = compute({ from: '2025-05-16', period: 7, direction: 'before' })
    expect(r.counted).toEqual([
      '2025-05-07',
      '2025-05-08',
      '2025-05-09',
      '2025-05-12',
      '2025-05-13',
      '2025-05-14',
      '2025-05-15',
    ])
    expect(r.deadline).toBe('2025-05-07')
  })

  it('2 clear days before Monday 12 May 2025: Thursday and Friday intervene, so Wednesday 7 May', () => {
    const r = compute({ from: '2025-05-12', period: 2, direction: 'before', clear: true })
    expect(r.counted).toEqual(['2025-05-08', '2025-05-09'])
    expect(dates(r)).toEqual(['2025-05-10', '2025-05-11'])
    expect(r.deadline).toBe('2025-05-07')
  })

  it('2 clear days before Thursday 24 April 2025: the act day falls in Easter, so the previous open day', () => {
    const r = compute({ from: '2025-04-24', period: 2, direction: 'before', clear: true })
    expect(r.counted).toEqual(['2025-04-22', '2025-04-23'])
    expect(r.unadjusted).toBe('2025-04-21')
    expect(r.deadline).toBe('2025-04-17')
    expect(r.excluded.map((e) => [e.date, e.rule])).toEqual([
      ['2025-04-18', 'closed-before'],
      ['2025-04-19', 'closed-before'],
      ['2025-04-20', 'closed-before'],
      ['2025-04-21', 'closed-before'],
    ])
  })

  it('28 days before Thursday 29 January 2026 falls on 1 January, so the act is due on 31 December 2025', () => {
    const r = compute({ from: '2026-01-29', period: 28, direction: 'before' })
    expect(r.counted[0]).toBe('2026-01-01')
    expect(r.counted.at(-1)).toBe('2026-01-28')
    expect(r.deadline).toBe('2025-12-31')
  })

  it('3 clear days after Friday 2 May 2025: Buddha’s Birthday and the weekend do not intervene; first day is Friday 9 May', () => {
    const r = compute({ from: '2025-05-02', period: 3, direction: 'after', clear: true })
    expect(r.counted).toEqual(['2025-05-06', '2025-05-07', '2025-05-08'])
    expect(r.deadline).toBe('2025-05-09')
  })

  it('clear days that are not short count every day: 10 clear days before Friday 20 June 2025', () => {
    const r = compute({ from: '2025-06-20', period: 10, direction: 'before', clear: true })
    expect(r.counted[0]).toBe('2025-06-10')
    expect(r.deadline).toBe('2025-06-09')
  })
})

describe('declared warning days', () => {
  it('a black rainstorm on Tuesday 22 April 2025 moves the worked example to Friday 2 May (Labour Day left out too)', () => {
    const r = compute({ from: '2025-04-17', period: 7, direction: 'after' }, [
      { date: '2025-04-22', kind: 'black_rainstorm', note: 'Black rainstorm 07:10-13:25' },
    ])
    expect(r.deadline).toBe('2025-05-02')
    expect(r.counted).toEqual([
      '2025-04-23',
      '2025-04-24',
      '2025-04-25',
      '2025-04-28',
      '2025-04-29',
      '2025-04-30',
      '2025-05-02',
    ])
    expect(r.excluded).toContainEqual({
      date: '2025-04-22',
      reason: 'black_rainstorm',
      name: 'Black rainstorm 07:10-13:25',
      rule: 'O.3 r.2(5)',
    })
    expect(r.excluded).toContainEqual({
      date: '2025-05-01',
      reason: 'general_holiday',
      name: 'Labour Day',
      nameZh: '勞動節',
      rule: 'O.3 r.2(5)',
    })
  })

  it('a gale warning on the last day of a long period moves it to the next open day (O.3 r.4)', () => {
    const r = compute({ from: '2025-04-17', period: 8, direction: 'after' }, [
      { date: '2025-04-25', kind: 'gale_warning' },
    ])
    expect(r.deadline).toBe('2025-04-28')
    expect(r.excluded.map((e) => [e.date, e.reason, e.rule])).toEqual([
      ['2025-04-25', 'gale_warning', 'O.3 r.4'],
      ['2025-04-26', 'saturday', 'O.3 r.4'],
      ['2025-04-27', 'sunday', 'O.3 r.4'],
    ])
  })

  it('a day the Registry is closed by direction is not a specified day, but time expiring on it runs on', () => {
    const closed: DeclaredDay[] = [{ date: '2025-03-05', kind: 'office_closed' }]
    const short = compute({ from: '2025-03-03', period: 3, direction: 'after' }, closed)
    expect(short.counted).toEqual(['2025-03-04', '2025-03-05', '2025-03-06'])
    const ending = compute({ from: '2025-03-03', period: 2, direction: 'after' }, closed)
    expect(ending.deadline).toBe('2025-03-06')
    expect(ending.excluded).toEqual([{ date: '2025-03-05', reason: 'office_closed', rule: 'O.3 r.4' }])
  })
})

describe('exceptions and other units', () => {
  it('ignoring O.3 r.2(5) (O.10 r.1(3)): deemed service 7 days after Thursday 17 April 2025 is Thursday 24 April', () => {
    const r = compute({
      from: '2025-04-17',
      period: 7,
      direction: 'after',
      ignoreShortPeriodRule: true,
      closedDayRule: 'none',
    })
    expect(r.deadline).toBe('2025-04-24')
    expect(r.shortPeriodRule).toBe(false)
    expect(r.excluded).toEqual([])
  })

  it('a deemed date on a holiday stays where it is when the closed-day rule is off', () => {
    expect(
      compute({ from: '2025-04-12', period: 7, direction: 'after', ignoreShortPeriodRule: true, closedDayRule: 'none' })
        .deadline,
    ).toBe('2025-04-19')
  })

  it('counting the anchor day: acknowledgment 14 days after service on 12 Nov 2021 (incl. that day) is 25 Nov; defence 28 days later 23 Dec', () => {
    const ack = compute({ from: '2021-11-12', period: 14, direction: 'after', includeAnchorDay: true })
    expect(ack.deadline).toBe('2021-11-25')
    expect(ack.counted[0]).toBe('2021-11-12')
    expect(ack.warnings).toEqual([{ code: 'no_holiday_data', year: 2021 }])
    expect(compute({ from: ack.deadline, period: 28, direction: 'after' }).deadline).toBe('2021-12-23')
  })

  it('months are calendar months ending on the corresponding date, or the month’s last day', () => {
    expect(compute({ from: '2025-01-31', period: 1, unit: 'months', direction: 'after' }).deadline).toBe('2025-02-28')
    expect(compute({ from: '2024-01-31', period: 1, unit: 'months', direction: 'after' }).deadline).toBe('2024-02-29')
    const r = compute({ from: '2025-04-17', period: 1, unit: 'months', direction: 'after' })
    expect(r.unadjusted).toBe('2025-05-17')
    expect(r.deadline).toBe('2025-05-19')
    expect(compute({ from: '2025-06-16', period: 2, unit: 'months', direction: 'before' }).deadline).toBe('2025-04-16')
  })

  it('weeks are seven days; one week is a period of 7 days', () => {
    expect(compute({ from: '2025-04-17', period: 1, unit: 'weeks', direction: 'after' }).deadline).toBe('2025-04-30')
    expect(compute({ from: '2025-03-03', period: 2, unit: 'weeks', direction: 'after' }).deadline).toBe('2025-03-17')
  })

  it('warns when the period reaches a year with no holiday list', () => {
    const r = compute({ from: '2027-12-20', period: 30, direction: 'after' })
    expect(r.warnings).toEqual([{ code: 'no_holiday_data', year: 2028 }])
  })
})

describe('input checks', () => {
  it.each([
    [{ from: '2025-02-29', period: 7, direction: 'after' }, 'from'],
    [{ from: '2025-04-17', period: 0, direction: 'after' }, 'period'],
    [{ from: '2025-04-17', period: 2.5, direction: 'after' }, 'period'],
    [{ from: '2025-04-17', period: 99_999, direction: 'after' }, 'period'],
    [{ from: '2025-04-17', period: 1, unit: 'months', direction: 'after', clear: true }, 'clear'],
    [{ from: '2025-04-17', period: 7, direction: 'before', includeAnchorDay: true }, 'includeAnchorDay'],
    [{ from: '2025-04-17', period: 7, direction: 'sideways' }, 'direction'],
  ] as [DeadlineInput, string][])('refuses %j (field %s)', (input, field) => {
    expect(() => compute(input)).toThrow(DeadlineInputError)
    try {
      compute(input)
    } catch (e) {
      expect((e as DeadlineInputError).field).toBe(field)
    }
  })
})
