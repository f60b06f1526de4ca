import type * as GoogleLibphonenumber from 'google-libphonenumber'
import type * as Luhn from 'luhn'
import { createRequire } from 'node:module'

/**
 * Independent judges of the corpus values: none of this is the detectors' code. `validid`
 * checks HKIDs and mainland IDs, Google's own libphonenumber port (`google-libphonenumber`,
 * not the `libphonenumber-js` the detector uses) checks phone numbers, `luhn` checks cards.
 * The generator asks them about every value it labels, so a value the detectors miss is the
 * detectors' fault, never a label's. Node only (tests and bench).
 */

const require = createRequire(import.meta.url)
// CommonJS packages whose exports Node's ESM loader cannot name, and validid, whose types
// re-export untyped .mjs files: loaded with require (validid's UMD bundle), typed here.
const luhn = require('luhn') as typeof Luhn
const { validateHkid, validateCnid } = require('validid') as Record<
  'validateHkid' | 'validateCnid',
  (id: string) => { ok: boolean }
>
const { PhoneNumberUtil, PhoneNumberFormat } = require('google-libphonenumber') as typeof GoogleLibphonenumber
const phoneUtil = PhoneNumberUtil.getInstance()

/** Thrown when a judge disagrees with what the generator meant to produce. */
export class OracleError extends Error {}

/** Throw unless `ok`: the generator meant `value` to be `what`. */
export function confirm(ok: boolean, what: string, value: string): void {
  if (!ok) throw new OracleError(`corpus: ${value} was meant to be ${what}, the independent validator disagrees`)
}

/** validid: an HKID (`A1234563`, `AB9876543`) with a right check character. */
export function hkIdOk(canonical: string): boolean {
  return validateHkid(canonical).ok
}

/**
 * A calendar date that exists, by a round trip through `Date.UTC`. validid alone is not enough
 * for birth dates: it reads `new Date('2001-02-30')`, which V8 rolls over to 2 March.
 */
export function realDate(yyyymmdd: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** validid (check character, birth date in the past) and a real birth date: a mainland ID. */
export function cnIdOk(id: string): boolean {
  return validateCnid(id).ok && realDate(id.slice(6, 14))
}

/** The `luhn` package: the digits pass the Luhn check. */
export function luhnOk(digits: string): boolean {
  return luhn.validate(digits)
}

/** Google's libphonenumber: E.164 of a national number valid in `region`, else null. */
export function phoneE164(national: string, region: 'HK' | 'MO' | 'CN'): string | null {
  try {
    const n = phoneUtil.parse(national, region)
    return phoneUtil.isValidNumber(n) && phoneUtil.getRegionCodeForNumber(n) === region
      ? phoneUtil.format(n, PhoneNumberFormat.E164)
      : null
  } catch {
    return null
  }
}
