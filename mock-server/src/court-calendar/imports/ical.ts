import ICAL from 'ical.js'
import { courtFromCaseNumber, findCaseNumbers, hearingTypeOf, type RawHearing } from './read-rows'

/** Zones that are UTC+8 all year, so a local time there is Hong Kong time. */
const PLUS_EIGHT =
  /^(asia\/(hong_kong|macau|shanghai|taipei|singapore)|hongkong|hong kong|china standard time|\+08(:?00)?|utc\+0?8(:00)?)$/i

/** Offset in minutes of an IANA zone at an instant, through Intl; null for an unknown zone. */
function ianaOffsetMinutes(tzid: string, at: Date): number | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tzid,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(at)
    const v = (t: string) => Number(parts.find((p) => p.type === t)?.value)
    return (Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second')) - at.getTime()) / 60_000
  } catch {
    return null
  }
}

/**
 * The instant of an iCalendar time: UTC as is; a TZID the file defines (VTIMEZONE) or an IANA
 * name converted; floating times and UTC+8 zones taken as Hong Kong time. Null for all-day values.
 */
function instantOf(t: ICAL.Time, zones: Map<string, ICAL.Timezone>): Date | null {
  if (t.isDate) return null
  const localUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second)
  if (t.zone?.tzid === 'UTC') return new Date(localUtc)
  // ical.js keeps an unresolved TZID on the time (not in its typings).
  const tzid = (t as unknown as { timezone?: string }).timezone
  if (!tzid || PLUS_EIGHT.test(tzid)) return new Date(localUtc - 8 * 3_600_000)
  const vtz = zones.get(tzid)
  if (vtz) return new Date(localUtc - vtz.utcOffset(t) * 1000)
  const off = ianaOffsetMinutes(tzid, new Date(localUtc))
  return off === null ? new Date(localUtc - 8 * 3_600_000) : new Date(localUtc - off * 60_000)
}

/** Judge and courtroom lines some case-management systems put in DESCRIPTION. */
const JUDGE = /(?:judge|coram|master|法官|聆案官)\s*[:：]\s*([^\n]+)/i
const ROOM = /(?:court\s*room|court\s*no\.?|courtroom|法庭)\s*[:：]?\s*(\d{1,3}[A-Z]?)/i

/**
 * Read an iCalendar file (what case-management systems export). Every VEVENT is a row; the
 * case number is looked for in SUMMARY, then DESCRIPTION, then LOCATION.
 * @throws Error when the text is not iCalendar at all.
 */
export function readIcal(text: string, defaultMinutes: number): RawHearing[] {
  const comp = new ICAL.Component(ICAL.parse(text.replace(/^\uFEFF/, '')))
  const zones = new Map<string, ICAL.Timezone>()
  for (const z of comp.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(z)
    if (tz.tzid) zones.set(tz.tzid, tz)
  }
  return comp.getAllSubcomponents('vevent').map((v, i): RawHearing => {
    const ev = new ICAL.Event(v)
    const summary = ev.summary ?? ''
    const description = ev.description ?? ''
    const location = ev.location ?? ''
    const caseNumbers = [
      ...new Set([...findCaseNumbers(summary), ...findCaseNumbers(description), ...findCaseNumbers(location)]),
    ]
    const startsAt = ev.startDate ? instantOf(ev.startDate, zones) : null
    let endsAt = ev.endDate ? instantOf(ev.endDate, zones) : null
    if (startsAt && (!endsAt || endsAt <= startsAt)) endsAt = new Date(startsAt.getTime() + defaultMinutes * 60_000)
    const room = ROOM.exec(location) ?? ROOM.exec(description)
    const court = location
      .replace(ROOM, '')
      .replace(/[,，\s]+$/, '')
      .trim()
    const status = String(v.getFirstPropertyValue('status') ?? '').toUpperCase()
    return {
      row: i + 1,
      raw: `${summary}${location ? ` @ ${location}` : ''}`.slice(0, 500),
      caseNumbers,
      court: court || (caseNumbers[0] ? courtFromCaseNumber(caseNumbers[0]) : null),
      judge: JUDGE.exec(description)?.[1]?.trim() ?? null,
      courtroom: room?.[1] ?? null,
      type: hearingTypeOf(`${summary} ${description}`),
      title: summary.trim() || null,
      startsAt,
      endsAt: startsAt ? endsAt : null,
      externalUid: ev.uid ? `ical:${ev.uid}` : null,
      cancelled: status === 'CANCELLED',
      problem: startsAt ? null : 'invalid_time',
    }
  })
}
