import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { addDays } from '@suite/court-rules'
import { namesCaseNumber, withCaseNumber, type Locale } from '@suite/domain'
import { HEARING_TYPE_LABELS, WORDS } from './labels'
import { compactDate, toHkIso } from './time'

/**
 * The per-user iCalendar feed (RFC 5545). Each event's UID is derived from its case and its
 * id and never changes; SEQUENCE is the item's sequence (raised on every change of time and
 * on cancellation); DTSTAMP is the item's last change (a feed without METHOD); hearings carry
 * TZID=Asia/Hong_Kong with a VTIMEZONE; deadlines are all-day VALUE=DATE events; a cancelled
 * item stays in the feed with STATUS:CANCELLED so subscribed calendars remove it.
 */

/** A hearing as the feed needs it. */
export interface FeedHearing {
  id: string
  caseId: string
  caseNumber: string
  caseTitle: string
  courtCaseNumber: string
  court: string
  judge: string | null
  courtroom: string | null
  type: keyof typeof HEARING_TYPE_LABELS
  title: string | null
  startsAt: Date
  endsAt: Date | null
  cancelled: boolean
  sequence: number
  updatedAt: Date
  createdAt: Date
}

/** A deadline as the feed needs it. */
export interface FeedDeadline {
  id: string
  caseId: string
  caseNumber: string
  caseTitle: string
  title: string
  dueOn: string
  citation: string | null
  cancelled: boolean
  done: boolean
  sequence: number
  updatedAt: Date
  createdAt: Date
}

const PRODID = '-//DingTalk Legal Suite//Court Calendar//EN'
const UID_DOMAIN = 'court-calendar.legal-suite'

/** Escape a TEXT value (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const parts: string[] = []
  let start = 0
  let limit = 75
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length)
    // Back off to a character boundary (continuation bytes are 10xxxxxx).
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--
    parts.push(bytes.subarray(start, end).toString('utf8'))
    start = end
    limit = 74 // continuation lines start with a space
  }
  return parts.join('\r\n ')
}

/** UTC date-time `YYYYMMDDTHHMMSSZ`. */
const utcStamp = (d: Date) =>
  new Date(d)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
/** Hong Kong local date-time `YYYYMMDDTHHMMSS`, for TZID=Asia/Hong_Kong. */
const hkLocal = (d: Date) => toHkIso(d).slice(0, 19).replace(/[-:]/g, '')

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Hong_Kong',
  'X-LIC-LOCATION:Asia/Hong_Kong',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:HKT',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** Stable UID of an item: case and item id, never regenerated. */
export const feedUid = (type: 'hearing' | 'deadline', caseId: string, id: string) =>
  `${type}-${caseId}-${id}@${UID_DOMAIN}`

/** Build the whole feed. */
export function buildFeed(o: {
  name: string
  locale: Locale
  hearings: FeedHearing[]
  deadlines: FeedDeadline[]
}): string {
  const w = WORDS[o.locale]
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(o.name)}`,
    'X-WR-TIMEZONE:Asia/Hong_Kong',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...VTIMEZONE,
  ]
  for (const h of o.hearings) {
    const typeLabel = HEARING_TYPE_LABELS[h.type][o.locale]
    const end = h.endsAt ?? new Date(h.startsAt.getTime() + 3_600_000)
    lines.push(
      'BEGIN:VEVENT',
      `UID:${feedUid('hearing', h.caseId, h.id)}`,
      `DTSTAMP:${utcStamp(h.updatedAt)}`,
      `CREATED:${utcStamp(h.createdAt)}`,
      `LAST-MODIFIED:${utcStamp(h.updatedAt)}`,
      `SEQUENCE:${h.sequence}`,
      `DTSTART;TZID=Asia/Hong_Kong:${hkLocal(h.startsAt)}`,
      `DTEND;TZID=Asia/Hong_Kong:${hkLocal(end)}`,
      `SUMMARY:${escapeText(withCaseNumber(h.courtCaseNumber, h.title ?? typeLabel, ' '))}`,
      `LOCATION:${escapeText(w.place(h.court, h.courtroom))}`,
      `DESCRIPTION:${escapeText([`${h.caseNumber} · ${h.caseTitle}`, `${typeLabel} · ${h.court}`, h.judge ? `${w.judge}: ${h.judge}` : ''].filter(Boolean).join('\n'))}`,
      'CATEGORIES:HEARING',
      `STATUS:${h.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    )
  }
  for (const d of o.deadlines) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${feedUid('deadline', d.caseId, d.id)}`,
      `DTSTAMP:${utcStamp(d.updatedAt)}`,
      `CREATED:${utcStamp(d.createdAt)}`,
      `LAST-MODIFIED:${utcStamp(d.updatedAt)}`,
      `SEQUENCE:${d.sequence}`,
      `DTSTART;VALUE=DATE:${compactDate(d.dueOn)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(d.dueOn, 1))}`,
      `SUMMARY:${escapeText(`${w.deadline}: ${d.title}${namesCaseNumber(d.title, d.caseNumber) ? '' : ` (${d.caseNumber})`}`)}`,
      `DESCRIPTION:${escapeText([`${d.caseNumber} · ${d.caseTitle}`, d.citation ? `${w.citation}: ${d.citation}` : ''].filter(Boolean).join('\n'))}`,
      'CATEGORIES:DEADLINE',
      `STATUS:${d.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

// ---- the secret URL --------------------------------------------------------------------------

/** A new feed id (what the database stores). */
export const newFeedId = () => randomBytes(12).toString('base64url')

/** The secret token of a feed id: `<id>.<hmac>`; only the id is stored, the HMAC proves it was ours. */
export function feedToken(secret: string, feedId: string): string {
  return `${feedId}.${createHmac('sha256', secret).update(`court-feed:${feedId}`).digest('base64url')}`
}

/** The feed id of a well-formed, genuine token, else null. */
export function feedIdOf(secret: string, token: string): string | null {
  const m = /^([A-Za-z0-9_-]{8,64})\.([A-Za-z0-9_-]{20,100})$/.exec(token)
  if (!m) return null
  const expected = Buffer.from(feedToken(secret, m[1]!))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null
}
