import { foldForScan } from '../text/normalize'
import type { Candidate } from '../types'

/**
 * 18-character mainland resident ID: area (6), birth date (8), sequence (3), check (digit or
 * X), contiguous or in groups separated by spaces or dashes (`110105 19491231 002X`,
 * `110105-1949-1231-002X`). The text is folded first, so no-break, ideographic and other
 * spaces read as ` ` and every dash as `-`.
 */
const CNID = /(?=\d{3})(?<![A-Za-z0-9])\d(?:(?: ?- ?| )?\d){16}(?: ?- ?| )?[0-9Xx](?![A-Za-z0-9])/g
const SEP = / ?- ?| /
/** How the 18 characters may be grouped. */
const GROUPINGS = new Set(['18', '6,8,4', '6,4,4,4', '3,3,4,4,4'])
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const THIS_YEAR = new Date().getUTCFullYear()
/** First two digits of the area code: provinces, autonomous regions and municipalities. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83, 91,
])

/** The check character of the first 17 digits (`11010519491231002` → `X`). */
export function cnIdCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!
  return CHECK[sum % 11]!
}

/** True when `yyyymmdd` is a real calendar date between 1900 and this year. */
export function isRealBirthDate(yyyymmdd: string, maxYear = THIS_YEAR): boolean {
  const y = Number(yyyymmdd.slice(0, 4))
  const mo = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  if (y < 1900 || y > maxYear || mo < 1 || mo > 12 || d < 1) return false
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  return d <= (mo === 2 ? (leap ? 29 : 28) : DAYS[mo - 1]!)
}

/** True when 18 digits start with a province code and a birth year 1900-2099 (date and check not tested). */
export function hasCnIdShape(digits: string): boolean {
  const year = Number(digits.slice(6, 10))
  return PROVINCES.has(Number(digits.slice(0, 2))) && year >= 1900 && year <= 2099
}

/** The 18 characters of a written ID when its grouping is one people use, else null. */
function ungroup(written: string): string | null {
  const groups = written.split(SEP)
  return GROUPINGS.has(groups.map((g) => g.length).join(',')) ? groups.join('') : null
}

/** True when 18 characters are a mainland ID with a known province, a real birth date and a right check. */
function checks(v: string): boolean {
  return (
    PROVINCES.has(Number(v.slice(0, 2))) &&
    isRealBirthDate(v.slice(6, 14)) &&
    cnIdCheckChar(v.slice(0, 17)) === v[17]!.toUpperCase()
  )
}

/**
 * True when `value` (contiguous or grouped: `110105 19491231 002X`) is a mainland ID with a
 * known province, a real birth date and a right check.
 */
export function isValidCnId(value: string): boolean {
  const v = foldForScan(value.trim())
  if (!/^\d[\d -]{16,24}[0-9Xx]$/.test(v)) return false
  const id = ungroup(v)
  return id !== null && /^\d{17}[0-9Xx]$/.test(id) && checks(id)
}

/** Find mainland IDs; `folded` is the scan-folded text. */
export function detectCnIds(folded: string, out: Candidate[]): void {
  CNID.lastIndex = 0
  for (let m = CNID.exec(folded); m; m = CNID.exec(folded)) {
    const start = m.index
    const end = start + m[0].length
    const id = ungroup(m[0])
    if (!id || !checks(id)) continue
    // Groups that go on (a digit and a separator before, a separator and a digit after) belong to a longer number.
    if (
      id.length !== m[0].length &&
      (/\d(?: ?- ?| )$/.test(folded.slice(Math.max(0, start - 3), start)) ||
        /^(?: ?- ?| )\d/.test(folded.slice(end, end + 3)))
    )
      continue
    out.push({ type: 'cn_id', start, end, base: id.length === m[0].length ? 0.7 : 0.65 })
  }
}
