import type { SensitiveType } from '@suite/domain'
import { foldWidth } from './text/normalize'

/** Replace the characters at the given digit/letter positions (counted among `isCounted` chars) by `*`. */
function maskCounted(raw: string, isCounted: (ch: string) => boolean, keep: (i: number, total: number) => boolean): string {
  const chars = [...raw]
  const total = chars.filter(isCounted).length
  let i = 0
  return chars.map((ch) => {
    if (!isCounted(ch)) return ch
    const k = keep(i, total)
    i++
    return k ? ch : '*'
  }).join('')
}

const isAlnum = (ch: string): boolean => /[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(ch)
const isDigit = (ch: string): boolean => /[0-9\uFF10-\uFF19]/.test(ch)
const isLetter = (ch: string): boolean => /[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]/.test(ch)

/**
 * Mask a raw value for display, keeping its punctuation: `A123456(3)` → `A123***(*)`,
 * `4111 1111 1111 1111` → `**** **** **** 1111`, `+852 9123 4567` → `+852 9*** **67`,
 * `chan@example.com` → `c***@example.com`. Keywords are not sensitive and stay as written.
 * What comes out never passes the detectors again.
 */
export function maskValue(type: SensitiveType, raw: string): string {
  switch (type) {
    case 'hk_id': {
      const letters = /^[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]{2}/.test(raw) ? 2 : 1
      return maskCounted(raw, isAlnum, (i) => i < letters + 3)
    }
    case 'mo_id':
      return maskCounted(raw, isDigit, (i) => i < 3)
    case 'cn_id':
      return maskCounted(raw, isAlnum, (i) => i < 4)
    case 'credit_card':
      return maskCounted(raw, isDigit, (i, n) => i >= n - 4)
    case 'phone': {
      // Keep the country code as written, the first national digit and the last two.
      const prefixLength = /^(?:\+|00|\(\+?)(?:852|853|86)\)?[ -]?/.exec(foldWidth(raw))?.[0].length ?? 0
      return raw.slice(0, prefixLength) + maskCounted(raw.slice(prefixLength), isDigit, (i, n) => i === 0 || i >= n - 2)
    }
    case 'email': {
      const at = raw.lastIndexOf('@')
      return `${raw.slice(0, 1)}***${raw.slice(at)}`
    }
    case 'keyword':
      return raw
  }
}
