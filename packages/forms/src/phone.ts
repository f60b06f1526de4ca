import type { PhoneRegion } from './schema'

const RULES: Record<PhoneRegion, { cc: string; national: RegExp }> = {
  // Hong Kong: 8 digits starting 2, 3, 5, 6, 7 or 9.
  HK: { cc: '852', national: /^[235679]\d{7}$/ },
  // Macau: 8 digits, mobiles 6x, fixed lines 28.
  MO: { cc: '853', national: /^(?:6\d|28)\d{6}$/ },
  // Mainland China mobile: 1[3-9] + 9 digits.
  CN: { cc: '86', national: /^1[3-9]\d{9}$/ },
}

/**
 * Normalise a phone number to E.164 (`+85291234567`) when it is a valid number of one of
 * `regions`; null otherwise. Spaces, dashes, dots and brackets are ignored; `00` works as `+`.
 * A number without a country code is read as Hong Kong first, then Macau, then mainland.
 */
export function normalizePhone(input: string, regions: readonly PhoneRegion[] = ['HK', 'MO', 'CN']): string | null {
  let s = input.trim().replace(/[\s\-.()（）]/g, '')
  if (s.startsWith('00')) s = `+${s.slice(2)}`
  if (!/^\+?\d{6,15}$/.test(s)) return null
  if (s.startsWith('+')) {
    for (const r of regions) {
      const { cc, national } = RULES[r]
      if (s.startsWith(`+${cc}`) && national.test(s.slice(cc.length + 1))) return s
    }
    return null
  }
  for (const r of regions) if (RULES[r].national.test(s)) return `+${RULES[r].cc}${s}`
  return null
}
