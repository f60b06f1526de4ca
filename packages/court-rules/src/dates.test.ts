import { describe, expect, it } from 'vitest'
import { addDays, addMonths, dateRange, daysBetween, hongKongDateOf, isIsoDate, weekday } from './dates'

describe('calendar-date arithmetic', () => {
  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('2025-4-1')).toBe(false)
    expect(isIsoDate(20250401)).toBe(false)
  })

  it('adds days and months across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30')
    expect(addMonths('2025-01-15', -2)).toBe('2024-11-15')
    expect(daysBetween('2025-04-17', '2025-04-30')).toBe(13)
    expect(dateRange('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'])
  })

  it('gives weekdays (Thursday 17 April 2025) and the Hong Kong date of an instant', () => {
    expect(weekday('2025-04-17')).toBe(4)
    expect(hongKongDateOf(new Date('2025-04-17T16:30:00Z'))).toBe('2025-04-18')
    expect(hongKongDateOf(new Date('2025-04-17T15:59:59Z'))).toBe('2025-04-17')
  })
})
