import type { HearingType } from '@suite/domain'

/**
 * Shared pieces of the three import readers: Hong Kong case numbers, court names, hearing
 * types from free text, and Hong Kong local times.
 */

/** One hearing as read from a file row, before matching. */
export interface RawHearing {
  row: number
  raw: string
  caseNumbers: string[]
  court: string | null
  judge: string | null
  courtroom: string | null
  type: HearingType
  title: string | null
  startsAt: Date | null
  endsAt: Date | null
  externalUid: string | null
  cancelled: boolean
  problem: 'invalid_time' | 'missing_field' | null
}

const CASE_NO = /\b([A-Z]{2,6})\s*(?:NO\.?\s*)?0*(\d{1,6})\s*\/\s*((?:19|20)\d{2})\b/g
/**
 * Prefixes of Hong Kong court case numbers: High Court (HCA, HCMP ...), District Court (DCCJ ...),
 * Court of Appeal (CACV ...), Court of Final Appeal (FACV ...), tribunals (LBTC, SCTC, LDBM ...),
 * Family Court (FCMC ...), Magistrates' Courts (ESCC, KCCC, KTCC, FLCC, TMCC, STCC, WKCC ...).
 */
const COURT_PREFIX = /^(HC|DC|CA|FA|LBT|SCT|FC|LD|CT|OAT|ES|KC|KT|FL|TM|ST|WK|EC|MAG)[A-Z]{0,4}$/

/** Case numbers like `HCA 1234/2026`, normalised (`HCA 1234/2026`), in order of appearance, each once. */
export function findCaseNumbers(text: string): string[] {
  const norm = text.normalize('NFKC').toUpperCase()
  const out: string[] = []
  for (const m of norm.matchAll(CASE_NO)) {
    if (!COURT_PREFIX.test(m[1]!)) continue
    const n = `${m[1]} ${Number(m[2])}/${m[3]}`
    if (!out.includes(n)) out.push(n)
  }
  return out
}

/** The normal form of one case number, or null when it is not one. */
export function normaliseCaseNumber(s: string): string | null {
  return findCaseNumbers(s)[0] ?? null
}

const COURTS: [RegExp, string][] = [
  [/^FA/, 'Court of Final Appeal 終審法院'],
  [/^CA/, 'Court of Appeal 上訴法庭'],
  [/^HC/, 'Court of First Instance 原訟法庭'],
  [/^DC/, 'District Court 區域法院'],
  [/^LBT/, 'Labour Tribunal 勞資審裁處'],
  [/^SCT/, 'Small Claims Tribunal 小額錢債審裁處'],
  [/^(FC|FL)/, 'Family Court 家事法庭'],
  [/^LD/, 'Lands Tribunal 土地審裁處'],
]

/** The court a case-number prefix belongs to (HCA -> Court of First Instance), when known. */
export function courtFromCaseNumber(caseNumber: string): string | null {
  const prefix = caseNumber.split(' ')[0] ?? ''
  return COURTS.find(([re]) => re.test(prefix))?.[1] ?? null
}

const TYPES: [RegExp, HearingType][] = [
  [/pre[-\s]?trial review|\bPTR\b|審前覆核|审前复核/i, 'pre_trial_review'],
  [/case management|\bCMC\b|案件管理/i, 'case_management'],
  [/judgment|hand(ing)? down|判決|判决/i, 'judgment'],
  [/appeal|上訴|上诉/i, 'appeal'],
  [/\btrial\b|審訊|审讯|審理/i, 'trial'],
  [/mention|提訊|提讯/i, 'mention'],
  [/chambers?|內庭|内庭/i, 'chambers'],
  [/interlocutory|summons|application|非正審|非正审|傳票|传票|申請|申请/i, 'interlocutory'],
]

/** A hearing type guessed from free text ("Nature: Trial", "聆訊性質：審前覆核"); `other` when unsure. */
export function hearingTypeOf(text: string | null | undefined): HearingType {
  if (!text) return 'other'
  return TYPES.find(([re]) => re.test(text))?.[1] ?? 'other'
}

/** A Hong Kong wall-clock date and time as an instant. */
export function hkLocal(date: string, hh: number, mm: number): Date | null {
  if (hh > 23 || mm > 59) return null
  const d = new Date(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`)
  return Number.isNaN(d.getTime()) ? null : d
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}
const pad = (n: number) => String(n).padStart(2, '0')
const realDate = (y: number, m: number, d: number): string | null => {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : null
}

/**
 * A date in any of the forms Hong Kong documents use: `2026-05-04`, `04/05/2026` (day first),
 * `4 May 2026`, `Monday, 4 May 2026`, `2026年5月4日`. Null when none is found.
 */
export function parseDate(text: string): string | null {
  const s = text.normalize('NFKC')
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s)
  if (m) return realDate(+m[1]!, +m[2]!, +m[3]!)
  m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s)
  if (m) return realDate(+m[1]!, +m[2]!, +m[3]!)
  m = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(s)
  if (m) return realDate(+m[3]!, +m[2]!, +m[1]!)
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s)
  const month = m ? (MONTHS[m[2]!.slice(0, 4).toLowerCase()] ?? MONTHS[m[2]!.slice(0, 3).toLowerCase()]) : undefined
  if (m && month) return realDate(+m[3]!, month, +m[1]!)
  return null
}

/**
 * A time of day: `09:30`, `9.30`, `9:30 a.m.`, `2:30 pm`, `14:30`, `上午9時30分`, `下午2時`.
 * Returns [hours, minutes] or null.
 */
export function parseTime(text: string): [number, number] | null {
  const s = text.normalize('NFKC').trim()
  let m = /(上午|下午|中午)\s*(\d{1,2})\s*[時时:：]\s*(?:(\d{1,2})\s*分?)?/.exec(s)
  if (m) {
    let h = +m[2]!
    if (m[1] === '下午' && h < 12) h += 12
    return h <= 23 ? [h, m[3] ? +m[3] : 0] : null
  }
  m = /\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?/i.exec(s)
  if (m) {
    let h = +m[1]!
    const pm = m[3]!.toLowerCase() === 'p'
    if (h > 12 || h === 0) return null
    if (pm && h < 12) h += 12
    if (!pm && h === 12) h = 0
    return [h, m[2] ? +m[2] : 0]
  }
  m = /\b([01]?\d|2[0-3])[:.：]([0-5]\d)\b/.exec(s)
  if (m) return [+m[1]!, +m[2]!]
  return null
}

/** A date-time cell (`2026-05-04 09:30`, `04/05/2026 2:30 pm`, ISO with offset) in Hong Kong time. */
export function parseDateTime(text: string): Date | null {
  const s = text.trim()
  if (/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s)
    return Number.isNaN(d.getTime()) ? null : d
  }
  const date = parseDate(s)
  const rest = date
    ? s.replace(/(\d{4})-(\d{1,2})-(\d{1,2})|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/, ' ')
    : s
  const time = parseTime(rest.replace(/^T/, ' '))
  return date && time ? hkLocal(date, time[0], time[1]) : null
}
