import { foldForScan } from '../text/normalize'
import type { Candidate } from '../types'

/**
 * Hong Kong identity card: one or two letters, six digits and a check character (digit or
 * `A`), as people write it: `A123456(3)`, `A1234563`, `A123456-3`, `A 123456 (3)`,
 * `A123456[3]`, `a123456(3)`, full-width. The text is folded first (`foldForScan`), so every
 * bracket kind reads `()` and every dash `-`. A space or dash between the letters and the
 * digits only with capital letters (`No 123456(3)` is a reference number). The match must not
 * touch another letter or digit on either side, nor continue a code (`PO-A123456-3`).
 */
const HKID =
  /(?=[A-Za-z])(?<![A-Za-z0-9])(?<![A-Za-z0-9][-_])(?:([A-Za-z]{1,2})|([A-Z]{1,2})(?: ?- ?| ))(\d{6})(?: ?\( ?([0-9Aa]) ?\)| ?- ?([0-9Aa])|([0-9Aa]))(?![A-Za-z0-9])/g

/** Value of an HKID letter: A=10 … Z=35. */
const letterValue = (ch: string): number => ch.toUpperCase().charCodeAt(0) - 55

/**
 * The check character of an HKID body (`A123456` → `3`, `G123456` → `A`). A one-letter prefix
 * counts as a leading space worth 36.
 */
export function hkIdCheckChar(letters: string, digits: string): string {
  const [p1, p2] =
    letters.length === 2 ? [letterValue(letters[0]!), letterValue(letters[1]!)] : [36, letterValue(letters[0]!)]
  let sum = p1 * 9 + p2 * 8
  for (let i = 0; i < 6; i++) sum += (digits.charCodeAt(i) - 48) * (7 - i)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'A' : String(check)
}

interface HkIdMatch {
  letters: string
  digits: string
  check: string
  bracketed: boolean
  dashed: boolean
}

function parts(m: RegExpExecArray): HkIdMatch {
  return {
    letters: (m[1] ?? m[2])!,
    digits: m[3]!,
    check: (m[4] ?? m[5] ?? m[6])!.toUpperCase(),
    bracketed: m[4] !== undefined,
    dashed: m[5] !== undefined,
  }
}

/** True when `value` (any written form: `A123456(3)`, `a123456-3`, `A 123456【3】`) is an HKID with a correct check character. */
export function isValidHkId(value: string): boolean {
  const v = foldForScan(value.trim())
  HKID.lastIndex = 0
  const m = HKID.exec(v)
  if (!m || m.index !== 0 || m[0].length !== v.length) return false
  const p = parts(m)
  return hkIdCheckChar(p.letters, p.digits) === p.check
}

/** Find HKIDs whose check character is right; `folded` is the scan-folded text. */
export function detectHkIds(folded: string, out: Candidate[]): void {
  HKID.lastIndex = 0
  for (let m = HKID.exec(folded); m; m = HKID.exec(folded)) {
    const p = parts(m)
    if (hkIdCheckChar(p.letters, p.digits) !== p.check) continue
    out.push({
      type: 'hk_id',
      start: m.index,
      end: m.index + m[0].length,
      base: p.bracketed ? 0.7 : p.dashed ? 0.65 : 0.6,
    })
  }
}
