import type { Candidate } from '../types'

/**
 * Email addresses. The local part may only start where no local-part character precedes it,
 * so a long run of letters is tried once, not from every position (no quadratic backtracking).
 */
const EMAIL = /(?<![\w.%+-])\w[\w.%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g

/** Find email addresses; `folded` is the width-folded text. */
export function detectEmails(folded: string, out: Candidate[]): void {
  if (!folded.includes('@')) return
  EMAIL.lastIndex = 0
  for (let m = EMAIL.exec(folded); m; m = EMAIL.exec(folded)) {
    out.push({ type: 'email', start: m.index, end: m.index + m[0].length, base: 0.9 })
  }
}
