import { hongKongDateOf, type IsoDate } from '@suite/court-rules'

/** Hong Kong is UTC+8 all year (no daylight saving since 1979). */
export const HK_OFFSET_MS = 8 * 3_600_000

/** An instant written with the Hong Kong offset, e.g. `2026-05-04T09:30:00+08:00`. */
export function toHkIso(d: Date | string): string {
  const t = new Date(d).getTime()
  return `${new Date(t + HK_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

/** The Hong Kong calendar date of an instant. */
export function hkDate(d: Date | string): IsoDate {
  return hongKongDateOf(new Date(d))
}

/** The instant of a Hong Kong wall-clock time (`HH:MM`) on a date. */
export function hkInstant(date: IsoDate, time = '00:00'): Date {
  return new Date(`${date}T${time}:00+08:00`)
}

/** `YYYY-MM` of the Hong Kong month an instant falls in (the quota month). */
export function hkMonth(d: Date): string {
  return hkDate(d).slice(0, 7)
}

/** Milliseconds until the first day of the next Hong Kong month. */
export function msUntilNextHkMonth(d: Date): number {
  const [y, m] = hkMonth(d).split('-').map(Number) as [number, number]
  const next = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - HK_OFFSET_MS)
  return Math.max(60_000, next.getTime() - d.getTime())
}

/** `YYYYMMDD` of a date (iCalendar DATE). */
export const compactDate = (date: IsoDate) => date.replace(/-/g, '')
