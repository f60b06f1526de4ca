import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core'
import type { Candidate } from '../types'
import { isRealBirthDate } from './cn-id'
import { PHONE_METADATA } from './phone-metadata'

/**
 * Phone numbers of Hong Kong (+852: 8 digits, and 800 freephone numbers of 9), Macau (+853,
 * 8 digits) and mainland mobiles (+86, 11 digits from 13-19) in the ways people write them:
 * `+852 9123 4567`, `852 9123 4567`, `85291234567`, `(852) 2123-4567`, `00852 9123 4567`,
 * `+852 800 123 456`, `+(852) 9123 4567`, `+86 138 0013 8000`, `9123-4567`, `13800138000`,
 * `tel:+85291234567`, and WhatsApp links (`wa.me/85291234567`).
 * The text is folded first (`foldForScan`), so every space, dash and bracket kind reads as
 * ` `, `-` and `()`. Groups are separated by a space, a dash or a dot (a dash may have spaces
 * around it). A run that goes on with a separator and more digits is a longer number, and
 * digits glued to a code or a currency (`ORD-12345678`, `#12345678`, `1.2.91234567`, `HK$91234567`)
 * are not a phone.
 */
const SEP = '(?: ?- ?|[ .])'
const CODE = '(852|853|86)'
const PHONE = new RegExp(
  // The lookahead first lets the engine skip every position that cannot start a number.
  `(?=[+(\\d])(?<![A-Za-z0-9+#$¥€£])(?<!\\d${SEP})(?<![A-Za-z0-9][-_/.])` +
    `(?:(\\+ ?|00 ?)?${CODE}${SEP}?|\\+?\\((?:\\+ ?|00)?${CODE}\\) ?)?` +
    `(\\d(?:${SEP}?\\d){7,10})` +
    `(?![A-Za-z0-9])(?!${SEP}\\d)`,
  'g',
)
const SPLIT = / ?- ?|[ .]/
/** WhatsApp click-to-chat links carry the number in international form without `+`. */
const WHATSAPP = /(?<=\bwa\.me\/|\bwhatsapp\.com\/send\/?\?phone=)(?:852|853|86)\d{8,11}(?!\d)/gi

const REGION_OF_CODE: Record<string, 'HK' | 'MO' | 'CN'> = { 852: 'HK', 853: 'MO', 86: 'CN' }

/** Groupings people write national numbers in, by digit count. */
const GROUPINGS: Record<number, readonly string[]> = {
  8: ['8', '4,4'],
  // Hong Kong freephone: 800 123 456.
  9: ['9', '3,3,3', '3,6'],
  11: ['11', '3,4,4', '3,8'],
}

const memo = new Map<string, string | null>()

/** E.164 of a national number in `region`, or null when the number is not valid there. */
export function toE164(digits: string, region: CountryCode): string | null {
  const key = region + digits
  let e164 = memo.get(key)
  if (e164 === undefined) {
    const parsed = parsePhoneNumberFromString(digits, region, PHONE_METADATA)
    e164 = parsed && parsed.isValid() && parsed.country === region ? parsed.number : null
    // A bounded cache: documents repeat the same few numbers many times.
    if (memo.size >= 20_000) memo.clear()
    memo.set(key, e164)
  }
  return e164
}

type PhoneCandidate = Candidate & { moE164?: string }

/** A national number without a country code: Hong Kong's, Macau's or a mainland mobile. */
function bareCandidate(national: string, digits: string, start: number, end: number): PhoneCandidate | null {
  // Dots, or a dash with spaces round it, also separate decimals and ranges: only with a phone word.
  const plain = !/\.| - ?| ?- /.test(national)
  if (digits.length === 11) {
    if (!/^1[3-9]/.test(digits)) return null
    const e164 = toE164(digits, 'CN')
    return e164
      ? {
          type: 'phone',
          start,
          end,
          base: national.length === 11 ? 0.55 : 0.65,
          e164,
          region: 'CN',
          ...(plain ? {} : { needsContext: true }),
        }
      : null
  }
  if (digits.length === 9) {
    // A bare 800 number could be an amount: only with a phone word.
    const e164 = toE164(digits, 'HK')
    return e164 ? { type: 'phone', start, end, base: 0.5, e164, region: 'HK', needsContext: true } : null
  }
  const contiguous = national.length === 8
  if (contiguous && /^(19|20)/.test(digits) && isRealBirthDate(digits, 2099)) return null
  const hk = toE164(digits, 'HK')
  // Macau numbers start 6 or 28; skip the lookup for anything else.
  const mo = digits[0] === '6' || digits.startsWith('28') ? toE164(digits, 'MO') : null
  const base = contiguous ? 0.45 : 0.55
  const needsContext = contiguous || !plain
  if (hk)
    return { type: 'phone', start, end, base, e164: hk, region: 'HK', needsContext, ...(mo ? { moE164: mo } : {}) }
  if (mo) return { type: 'phone', start, end, base, e164: mo, region: 'MO', needsContext }
  return null
}

/**
 * Find phone numbers; `folded` is the scan-folded text. A bare run of 8 digits (and a bare
 * 800 number, or one grouped with dots) counts only with a phone word just before it (the
 * scanner checks `needsContext`), and never when it reads as a date (`20240315`). A bare
 * 8-digit number is Hong Kong's unless it is valid only in Macau; `moE164` lets the scanner
 * pick Macau when a Macau word is near. A country code written without `+` (`852 9123 4567`)
 * counts a little less than one with it.
 */
export function detectPhones(folded: string, out: PhoneCandidate[]): void {
  PHONE.lastIndex = 0
  for (let m = PHONE.exec(folded); m; m = PHONE.exec(folded)) {
    const code = m[2] ?? m[3]
    const national = m[4]!
    const digits = national.replace(/\D/g, '')
    const sizes = national
      .split(SPLIT)
      .map((g) => g.length)
      .join(',')
    if (!GROUPINGS[digits.length]?.includes(sizes)) continue
    const start = m.index
    const end = start + m[0].length
    if (!code) {
      const c = bareCandidate(national, digits, start, end)
      if (c) out.push(c)
      continue
    }
    const region = REGION_OF_CODE[code]!
    if ((region === 'CN') !== (digits.length === 11)) continue
    const e164 = toE164(digits, region)
    const marked = m[1] !== undefined || m[3] !== undefined
    if (e164) out.push({ type: 'phone', start, end, base: marked ? 0.8 : 0.7, e164, region })
  }
  if (!folded.includes('wa.me/') && !/whatsapp\.com\/send/i.test(folded)) return
  WHATSAPP.lastIndex = 0
  for (let m = WHATSAPP.exec(folded); m; m = WHATSAPP.exec(folded)) {
    const code = m[0].startsWith('86') ? '86' : m[0].slice(0, 3)
    const region = REGION_OF_CODE[code]!
    const e164 = toE164(m[0].slice(code.length), region)
    if (e164) out.push({ type: 'phone', start: m.index, end: m.index + m[0].length, base: 0.8, e164, region })
  }
}
