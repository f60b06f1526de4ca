import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min'
import type { Candidate } from '../types'
import { isRealBirthDate } from './cn-id'

/**
 * Phone numbers of Hong Kong (+852, 8 digits), Macau (+853, 8 digits) and mainland mobiles
 * (+86, 11 digits from 13-19): `+852 9123 4567`, `(852) 2123-4567`, `00853 6612 3456`,
 * `+86 138 0013 8000`, `9123-4567`, `13800138000`. The national part is grouped 4-4 or
 * 3-4-4 or not at all; a run that goes on with a separator and more digits is a longer number,
 * and digits glued to a code (`ORD-12345678`, `#12345678`) are not a phone.
 */
const PHONE = /(?<![A-Za-z0-9+#])(?<!\d[ -])(?<![A-Za-z0-9][-_/.])(?:(?:\+|00)(852|853|86)[ -]?|\(\+?(852|853|86)\)[ -]?)?(\d(?:[ -]?\d){7,10})(?![A-Za-z0-9])(?![ -]\d)/g

const REGION_OF_CODE: Record<string, 'HK' | 'MO' | 'CN'> = { 852: 'HK', 853: 'MO', 86: 'CN' }

/** Groupings people write national numbers in, by digit count. */
function groupingOk(national: string, digits: string): boolean {
  const sizes = national.split(/[ -]/).map((g) => g.length).join(',')
  if (digits.length === 8) return sizes === '8' || sizes === '4,4'
  return sizes === '11' || sizes === '3,4,4' || sizes === '3,8'
}

const memo = new Map<string, string | null>()

/** E.164 of a national number in `region`, or null when the number is not valid there. */
export function toE164(digits: string, region: CountryCode): string | null {
  const key = region + digits
  let e164 = memo.get(key)
  if (e164 === undefined) {
    const parsed = parsePhoneNumberFromString(digits, region)
    e164 = parsed && parsed.isValid() && parsed.country === region ? parsed.number : null
    // A bounded cache: documents repeat the same few numbers many times.
    if (memo.size >= 20_000) memo.clear()
    memo.set(key, e164)
  }
  return e164
}

/**
 * Find phone numbers; `folded` is the width-folded text. A bare run of 8 digits counts only
 * with a phone word just before it (the scanner checks `needsContext`), and never when it reads
 * as a date (`20240315`). A bare 8-digit number is Hong Kong's unless it is valid only in Macau;
 * `moE164` lets the scanner pick Macau when a Macau word is near.
 */
export function detectPhones(folded: string, out: Array<Candidate & { moE164?: string }>): void {
  PHONE.lastIndex = 0
  for (let m = PHONE.exec(folded); m; m = PHONE.exec(folded)) {
    const code = m[1] ?? m[2]
    const national = m[3]!
    const digits = national.replace(/[ -]/g, '')
    if (!groupingOk(national, digits)) continue
    const start = m.index
    const end = start + m[0].length
    if (code) {
      const region = REGION_OF_CODE[code]!
      if ((region === 'CN') !== (digits.length === 11)) continue
      const e164 = toE164(digits, region)
      if (e164) out.push({ type: 'phone', start, end, base: 0.8, e164, region })
      continue
    }
    if (digits.length === 11) {
      if (!/^1[3-9]/.test(digits)) continue
      const e164 = toE164(digits, 'CN')
      if (e164) out.push({ type: 'phone', start, end, base: national.length === 11 ? 0.55 : 0.65, e164, region: 'CN' })
      continue
    }
    const contiguous = national.length === 8
    if (contiguous && /^(19|20)/.test(digits) && isRealBirthDate(digits, 2099)) continue
    const hk = toE164(digits, 'HK')
    // Macau numbers start 6 or 28; skip the lookup for anything else.
    const mo = digits[0] === '6' || digits.startsWith('28') ? toE164(digits, 'MO') : null
    const base = contiguous ? 0.45 : 0.55
    if (hk) out.push({ type: 'phone', start, end, base, e164: hk, region: 'HK', needsContext: contiguous, ...(mo ? { moE164: mo } : {}) })
    else if (mo) out.push({ type: 'phone', start, end, base, e164: mo, region: 'MO', needsContext: contiguous })
  }
}
