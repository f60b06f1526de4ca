import dayjs from 'dayjs'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatRelative, formatTime, getDateLocale, setDateLocale } from './format'

const originalTz = process.env.TZ
const INSTANT = '2026-03-01T16:30:00Z' // 2 Mar 2026 00:30 in Hong Kong

afterAll(() => {
  process.env.TZ = originalTz
})

describe.each(['America/New_York', 'Pacific/Kiritimati', 'UTC'])('with the machine in %s', (tz) => {
  beforeEach(() => {
    process.env.TZ = tz
    setDateLocale('en')
  })

  it('really runs in that zone', () => {
    const localHour = new Date(INSTANT).getHours()
    const expected = { 'America/New_York': 11, 'Pacific/Kiritimati': 6, UTC: 16 }[tz]
    expect(localHour).toBe(expected)
  })

  it('shows the instant in Hong Kong time', () => {
    expect(formatDateTime(INSTANT)).toBe('2 Mar 2026 00:30')
    expect(formatDate(INSTANT)).toBe('2 Mar 2026')
    expect(formatTime(INSTANT)).toBe('00:30')
  })

  it('keeps a calendar date on its Hong Kong day', () => {
    expect(formatDate('2026-03-02')).toBe('2 Mar 2026')
    expect(formatDate('2026-03-02', 'long')).toBe('Monday, 2 March 2026')
  })

  it('accepts offsets other than Z', () => {
    expect(formatDateTime('2026-03-01T20:30:00-04:00', 'short')).toBe('02/03/2026 08:30')
  })
})

describe('locales', () => {
  beforeEach(() => {
    process.env.TZ = 'Europe/London'
  })

  it('formats in zh-HK', () => {
    setDateLocale('zh-HK')
    expect(formatDateTime(INSTANT)).toBe('2026年3月2日 00:30')
    expect(formatDate(INSTANT, 'long')).toBe('2026年3月2日（星期一）')
    expect(formatDateTime(INSTANT, 'short')).toBe('2026/03/02 00:30')
  })

  it('formats in zh-CN and en when asked explicitly', () => {
    setDateLocale('zh-HK')
    expect(formatDate(INSTANT, 'long', 'zh-CN')).toBe('2026年3月2日（星期一）')
    expect(formatDateTime(INSTANT, 'long', 'en')).toBe('Monday, 2 March 2026 00:30:00')
  })

  it('switches the global dayjs locale too', () => {
    setDateLocale('zh-CN')
    expect(getDateLocale()).toBe('zh-CN')
    expect(dayjs.locale()).toBe('zh-cn')
    setDateLocale('en')
    expect(dayjs.locale()).toBe('en')
  })

  it('formats relative times in the current locale', () => {
    const now = '2026-03-01T19:30:00Z'
    setDateLocale('zh-HK')
    expect(formatRelative(INSTANT, now)).toBe('3 小時前')
    setDateLocale('zh-CN')
    expect(formatRelative(INSTANT, now)).toBe('3 小时前')
    setDateLocale('en')
    expect(formatRelative(INSTANT, now)).toBe('3 hours ago')
    expect(formatRelative('2026-03-03T19:30:00Z', now)).toBe('in 2 days')
  })

  it('returns an empty string for empty or invalid input', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDate(undefined)).toBe('')
    expect(formatTime('')).toBe('')
    expect(formatDate('not a date')).toBe('')
  })
})
