import type { Locale } from '@suite/domain'
import dayjs, { type Dayjs } from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { DAYJS_LOCALES, dateLocale } from './date-locale'

export { getDateLocale, setDateLocale } from './date-locale'

dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.extend(relativeTime)

/**
 * The one place dates become text. Every date is shown in Hong Kong time, whatever the
 * device's time zone (staff travel; Macau shares the offset), in the current suite locale.
 */
export const HK_TIME_ZONE = 'Asia/Hong_Kong'

/** `short` 02/03/2026, `medium` 2 Mar 2026, `long` Monday, 2 March 2026. */
export type DateStyle = 'short' | 'medium' | 'long'

/** A wire timestamp (ISO 8601 with offset), a calendar date `YYYY-MM-DD`, or a Date. */
export type DateInput = string | Date | null | undefined

const DATE_FORMATS: Record<Locale, Record<DateStyle, string>> = {
  'zh-HK': { short: 'YYYY/MM/DD', medium: 'YYYY年M月D日', long: 'YYYY年M月D日（dddd）' },
  'zh-CN': { short: 'YYYY/MM/DD', medium: 'YYYY年M月D日', long: 'YYYY年M月D日（dddd）' },
  en: { short: 'DD/MM/YYYY', medium: 'D MMM YYYY', long: 'dddd, D MMMM YYYY' },
}
const TIME_FORMATS: Record<DateStyle, string> = { short: 'HH:mm', medium: 'HH:mm', long: 'HH:mm:ss' }

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Parses an input into a dayjs in Hong Kong time; null for empty or invalid input.
 * A calendar date `YYYY-MM-DD` is taken as that day in Hong Kong, not in the device's zone.
 */
export function toHongKongTime(input: DateInput, locale: Locale = dateLocale.value): Dayjs | null {
  if (input === null || input === undefined || input === '') return null
  const parsed =
    typeof input === 'string' && DATE_ONLY.test(input) ? dayjs.tz(input, HK_TIME_ZONE) : dayjs(input).tz(HK_TIME_ZONE)
  return parsed.isValid() ? parsed.locale(DAYJS_LOCALES[locale]) : null
}

/** Date and time in Hong Kong, e.g. `2 Mar 2026 00:30` / `2026年3月2日 00:30`; '' for empty input. */
export function formatDateTime(
  input: DateInput,
  style: DateStyle = 'medium',
  locale: Locale = dateLocale.value,
): string {
  const d = toHongKongTime(input, locale)
  return d ? d.format(`${DATE_FORMATS[locale][style]} ${TIME_FORMATS[style]}`) : ''
}

/** The Hong Kong calendar date, e.g. `2 Mar 2026` / `2026年3月2日`; '' for empty input. */
export function formatDate(input: DateInput, style: DateStyle = 'medium', locale: Locale = dateLocale.value): string {
  const d = toHongKongTime(input, locale)
  return d ? d.format(DATE_FORMATS[locale][style]) : ''
}

/** The Hong Kong wall-clock time, 24-hour, e.g. `00:30`; '' for empty input. */
export function formatTime(input: DateInput, style: DateStyle = 'medium', locale: Locale = dateLocale.value): string {
  const d = toHongKongTime(input, locale)
  return d ? d.format(TIME_FORMATS[style]) : ''
}

/**
 * Distance from `now`, e.g. `3 hours ago` / `3 小時前` / `in 2 days`; '' for empty input.
 * Pass `now` from an injected clock in tests.
 */
export function formatRelative(
  input: DateInput,
  now: DateInput = new Date(),
  locale: Locale = dateLocale.value,
): string {
  const d = toHongKongTime(input, locale)
  const base = toHongKongTime(now, locale)
  return d && base ? d.from(base) : ''
}
