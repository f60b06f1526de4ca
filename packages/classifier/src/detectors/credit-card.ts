import { foldForScan } from '../text/normalize'
import type { Candidate } from '../types'
import { hasCnIdShape } from './cn-id'

/**
 * Payment cards: 13-19 digits, contiguous or in groups with one kind of separator (space, dash
 * or dot; the text is folded first, so no-break spaces and en dashes count): 4-4-4-4(-3),
 * 4-4-4-1..3, Amex 4-6-5, Diners 4-6-4. A run that goes on (digits and a separator before it,
 * another 4-digit group after it) is a longer number, not a card.
 */
const CARD =
  /(?=\d{4})(?<![A-Za-z0-9])(?<!\d[ .-])(?:\d{4}([ .-])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{3})?|\d{4}([ .-])\d{6}\2\d{4,5}|\d{13,19})(?![A-Za-z0-9])(?![ .-]\d{4}(?!\d))/g

/** Luhn (mod 10) check of a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

/** Card scheme by issuer prefix and length, or null when no scheme issues such a number. */
export function cardBrand(digits: string): string | null {
  const n = digits.length
  const p2 = Number(digits.slice(0, 2))
  const p3 = Number(digits.slice(0, 3))
  const p4 = Number(digits.slice(0, 4))
  if (digits[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'visa'
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard'
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex'
  if (p2 === 62 && n >= 16 && n <= 19) return 'unionpay'
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'jcb'
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) && n >= 16 && n <= 19) return 'discover'
  if (((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) && n >= 14 && n <= 19) return 'diners'
  return null
}

/** True when `value` (separators allowed) is a Luhn-valid number of a known scheme. */
export function isValidCard(value: string): boolean {
  const digits = foldForScan(value).replace(/[ .-]/g, '')
  return /^\d{13,19}$/.test(digits) && cardBrand(digits) !== null && luhnValid(digits)
}

/** Find card numbers; `folded` is the scan-folded text. */
export function detectCards(folded: string, out: Candidate[]): void {
  CARD.lastIndex = 0
  for (let m = CARD.exec(folded); m; m = CARD.exec(folded)) {
    const grouped = m[1] !== undefined || m[2] !== undefined
    const digits = grouped ? m[0].replace(/[ .-]/g, '') : m[0]
    const brand = cardBrand(digits)
    if (!brand || !luhnValid(digits)) continue
    // An 18-digit UnionPay number is rare; one shaped like a mainland ID (area + birth year) is a mistyped ID.
    if (digits.length === 18 && hasCnIdShape(digits)) continue
    // Amex is written 4-6-5; 4-6-4 belongs to 14-digit Diners only.
    if (
      m[2] !== undefined &&
      !(digits.length === 15 && brand === 'amex') &&
      !(digits.length === 14 && brand === 'diners')
    )
      continue
    out.push({ type: 'credit_card', start: m.index, end: m.index + m[0].length, base: grouped ? 0.7 : 0.6 })
  }
}
