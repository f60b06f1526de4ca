import type { Candidate } from '../types'

/**
 * Macau resident identity card (BIR): `1`, `5` or `7`, six digits and a bracketed digit
 * (`1234567(8)`, any bracket kind: the text is folded first), also written `1/234567/8`. No
 * check digit is published, so the shape alone gives a low confidence and context words
 * (澳門身份證, BIR, Macau …) raise it.
 */
const BIR = /(?=[157])(?<![A-Za-z0-9/])[157](?:\d{6} ?\( ?\d ?\)|\/\d{6}\/\d)(?![A-Za-z0-9/])/g

/** Find Macau BIR numbers; `folded` is the scan-folded text. */
export function detectMoIds(folded: string, out: Candidate[]): void {
  BIR.lastIndex = 0
  for (let m = BIR.exec(folded); m; m = BIR.exec(folded)) {
    out.push({ type: 'mo_id', start: m.index, end: m.index + m[0].length, base: 0.45 })
  }
}
