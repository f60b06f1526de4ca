import type { Candidate } from '../types'

/**
 * Hong Kong identity card: one or two letters, six digits and a check character (digit or
 * `A`), the check usually in brackets (half- or full-width; the text is width-folded first).
 * The match must not touch another letter or digit on either side.
 */
const HKID = /(?<![A-Za-z0-9])([A-Za-z]{1,2})(\d{6})(?: ?\(([0-9Aa])\)|([0-9Aa]))(?![A-Za-z0-9])/g

/** Value of an HKID letter: A=10 … Z=35. */
const letterValue = (ch: string): number => ch.toUpperCase().charCodeAt(0) - 55

/**
 * The check character of an HKID body (`A123456` → `3`, `G123456` → `A`). A one-letter prefix
 * counts as a leading space worth 36.
 */
export function hkIdCheckChar(letters: string, digits: string): string {
  const [p1, p2] = letters.length === 2 ? [letterValue(letters[0]!), letterValue(letters[1]!)] : [36, letterValue(letters[0]!)]
  let sum = p1 * 9 + p2 * 8
  for (let i = 0; i < 6; i++) sum += (digits.charCodeAt(i) - 48) * (7 - i)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'A' : String(check)
}

/** True when `value` (e.g. `A123456(3)`, `A1234563`) is an HKID with a correct check character. */
export function isValidHkId(value: string): boolean {
  const m = /^([A-Za-z]{1,2})(\d{6}) ?(?:\(([0-9Aa])\)|([0-9Aa]))$/.exec(value.trim())
  return !!m && hkIdCheckChar(m[1]!, m[2]!) === (m[3] ?? m[4]!).toUpperCase()
}

/** Find HKIDs whose check character is right; `folded` is the width-folded text. */
export function detectHkIds(folded: string, out: Candidate[]): void {
  HKID.lastIndex = 0
  for (let m = HKID.exec(folded); m; m = HKID.exec(folded)) {
    const bracketed = m[3] !== undefined
    const check = (m[3] ?? m[4]!).toUpperCase()
    if (hkIdCheckChar(m[1]!, m[2]!) !== check) continue
    out.push({ type: 'hk_id', start: m.index, end: m.index + m[0].length, base: bracketed ? 0.7 : 0.6 })
  }
}
