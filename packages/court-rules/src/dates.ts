/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Court periods are counted in whole days of
 * the Hong Kong calendar, so no time of day or time zone takes part: every date is handled as
 * a UTC midnight internally and never converted to local time.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Day of the week: 0 Sunday ... 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

/** True for a real calendar date written `YYYY-MM-DD` (so `2025-02-29` is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/**
 * Milliseconds of the date's UTC midnight.
 * @throws RangeError for anything that is not a real `YYYY-MM-DD` date.
 */
export function toEpochDay(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`)
  return Date.parse(`${date}T00:00:00Z`)
}

function fromEpoch(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10)
}

/** `date` plus `n` days (negative `n` goes back). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromEpoch(toEpochDay(date) + n * DAY_MS)
}

/**
 * `date` plus `n` calendar months. With no corresponding day in the target month (31 January
 * plus one month) the period ends on that month's last day, as the corresponding-date rule does.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  toEpochDay(date)
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 + n, 1))
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return fromEpoch(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay)))
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toEpochDay(b) - toEpochDay(a)) / DAY_MS)
}

/** Day of the week of a date (0 Sunday ... 6 Saturday). */
export function weekday(date: IsoDate): Weekday {
  return new Date(toEpochDay(date)).getUTCDay() as Weekday
}

/** Every date from `from` to `to`, both included, in order (empty when `to` is earlier). */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/** The year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4))
}

/** The Hong Kong calendar date of an instant (UTC+8 all year: Hong Kong has no daylight saving). */
export function hongKongDateOf(instant: Date): IsoDate {
  return fromEpoch(instant.getTime() + 8 * 3_600_000)
}
