import type { SensitiveType } from '@suite/domain'
import { foldForScan } from './text/normalize'

/** Replace by `*` every character passing `isCounted` whose index among those characters fails `keep`. */
function maskCounted(
  raw: string,
  isCounted: (code: number) => boolean,
  keep: (i: number, total: number) => boolean,
): string {
  let total = 0
  for (let j = 0; j < raw.length; j++) if (isCounted(raw.charCodeAt(j))) total++
  let out = ''
  let i = 0
  for (let j = 0; j < raw.length; j++) {
    const code = raw.charCodeAt(j)
    if (!isCounted(code)) {
      out += raw[j]
      continue
    }
    out += keep(i, total) ? raw[j] : '*'
    i++
  }
  return out
}

/** ASCII or full-width digit. */
const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)
/** ASCII or full-width letter. */
const isLetter = (c: number): boolean =>
  ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)
const isAlnum = (c: number): boolean => isDigit(c) || isLetter(c)

/** National digits that follow each country code. */
const NATIONAL_LENGTHS: Record<string, readonly number[]> = { 852: [8, 9], 853: [8], 86: [11] }

/**
 * Length of the country code as written (`+852 `, `(852) `, `+(852) `, `00853-`, `86 `), kept unmasked;
 * 0 when the number has none. A code without `+` counts only when the digits after it are a
 * whole national number, so `8521 2345` keeps nothing.
 */
function phonePrefixLength(folded: string): number {
  const m = /^(?:\+ ?)?\(?(?:\+ ?|00 ?)?(852|853|86)\)?(?: ?- ?|[ .])?/.exec(folded)
  if (!m) return 0
  const rest = folded.slice(m[0].length).replace(/\D/g, '').length
  return NATIONAL_LENGTHS[m[1]!]!.includes(rest) ? m[0].length : 0
}

/**
 * Mask a raw value for display, keeping its punctuation: `A123456(3)` → `A123***(*)`,
 * `4111 1111 1111 1111` → `**** **** **** 1111`, `+852 9123 4567` → `+852 9*** **67`,
 * `chan@example.com` → `c***@example.com`. Keywords are not sensitive and stay as written.
 * What comes out never passes the detectors again.
 */
export function maskValue(type: SensitiveType, raw: string): string {
  switch (type) {
    case 'hk_id': {
      const letters = isLetter(raw.charCodeAt(1)) ? 2 : 1
      return maskCounted(raw, isAlnum, (i) => i < letters + 3)
    }
    case 'mo_id':
      return maskCounted(raw, isDigit, (i) => i < 3)
    case 'cn_id':
      return maskCounted(raw, isAlnum, (i) => i < 4)
    case 'credit_card':
      return maskCounted(raw, isDigit, (i, n) => i >= n - 4)
    case 'phone': {
      const prefixLength = phonePrefixLength(foldForScan(raw))
      return raw.slice(0, prefixLength) + maskCounted(raw.slice(prefixLength), isDigit, (i, n) => i === 0 || i >= n - 2)
    }
    case 'email': {
      const at = raw.lastIndexOf('@')
      return `${raw.slice(0, 1)}***${raw.slice(at >= 0 ? at : raw.toLowerCase().lastIndexOf('%40'))}`
    }
    case 'keyword':
      return raw
  }
}
