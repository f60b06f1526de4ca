import { describe, expect, it } from 'vitest'
import { weekday } from './dates'
import { HK_BUNDLED_YEARS, HK_GENERAL_HOLIDAYS, mergeHolidayLists } from './hk-holidays'

const year = (y: number) => HK_GENERAL_HOLIDAYS.filter((h) => h.date.startsWith(`${y}-`))

describe('bundled Hong Kong general holidays', () => {
  it('2026 is exactly the list in DOMAIN.md', () => {
    expect(year(2026).map((h) => h.date.slice(5))).toEqual([
      '01-01',
      '02-17',
      '02-18',
      '02-19',
      '04-03',
      '04-04',
      '04-06',
      '04-07',
      '05-01',
      '05-25',
      '06-19',
      '07-01',
      '09-26',
      '10-01',
      '10-19',
      '12-25',
      '12-26',
    ])
  })

  it('every year has the 17 general holidays, each date once, none on a Sunday', () => {
    for (const y of HK_BUNDLED_YEARS) expect(year(y), String(y)).toHaveLength(17)
    const all = HK_GENERAL_HOLIDAYS.map((h) => h.date)
    expect(new Set(all).size).toBe(all.length)
    expect(HK_GENERAL_HOLIDAYS.filter((h) => weekday(h.date) === 0)).toEqual([])
  })

  it('has the Easter and Lunar New Year days of the worked examples, with both names', () => {
    const by = new Map(HK_GENERAL_HOLIDAYS.map((h) => [h.date, h]))
    expect(by.get('2025-04-18')).toEqual({ date: '2025-04-18', name: 'Good Friday', nameZh: '耶穌受難節' })
    expect(by.get('2025-04-19')?.name).toBe('The day following Good Friday')
    expect(by.get('2025-04-21')?.name).toBe('Easter Monday')
    // 2024 and 2027: a Lunar New Year day on a Sunday gives the fourth day instead.
    expect(['2024-02-10', '2024-02-12', '2024-02-13'].every((d) => by.has(d))).toBe(true)
    expect(by.has('2024-02-11')).toBe(false)
    expect(['2027-02-06', '2027-02-08', '2027-02-09'].every((d) => by.has(d))).toBe(true)
  })

  it('an import replaces the bundled years it covers and keeps the others', () => {
    const { holidays, years } = mergeHolidayLists([
      { date: '2026-01-01', name: 'New Year' },
      { date: '2028-01-01', name: 'The first day of January' },
    ])
    expect(holidays.filter((h) => h.date.startsWith('2026-'))).toEqual([{ date: '2026-01-01', name: 'New Year' }])
    expect(holidays.filter((h) => h.date.startsWith('2025-'))).toHaveLength(17)
    expect(years).toEqual([2024, 2025, 2026, 2027, 2028])
  })
})
