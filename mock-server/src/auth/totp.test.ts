import { describe, expect, it } from 'vitest'
import {
  base32Decode,
  base32Encode,
  hashRecoveryCode,
  hotp,
  newRecoveryCodes,
  openSecret,
  otpauthUri,
  sealSecret,
  totp,
  verifyTotp,
} from './totp'

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890"; the 8-digit values end with these 6 digits.
const SEED = Buffer.from('12345678901234567890')
const VECTORS: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
  [20000000000, '353130'],
]

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('matches the RFC test vector at T=%i', (seconds, code) => {
    expect(totp(SEED, new Date(seconds * 1000))).toBe(code)
  })

  it('matches RFC 4226 HOTP vectors', () => {
    expect([0, 1, 2, 9].map((c) => hotp(SEED, c))).toEqual(['755224', '287082', '359152', '520489'])
  })

  it('accepts one step of drift either side and names the step; refuses others', () => {
    const at = new Date(1_700_000_000_000)
    const step = Math.floor(1_700_000_000 / 30)
    expect(verifyTotp(SEED, totp(SEED, at), at)).toBe(step)
    expect(verifyTotp(SEED, totp(SEED, new Date(at.getTime() - 30_000)), at)).toBe(step - 1)
    expect(verifyTotp(SEED, totp(SEED, new Date(at.getTime() + 30_000)), at)).toBe(step + 1)
    expect(verifyTotp(SEED, totp(SEED, new Date(at.getTime() + 90_000)), at)).toBeNull()
    expect(verifyTotp(SEED, 'abcdef', at)).toBeNull()
  })

  it('round-trips base32 and builds an otpauth URI apps understand', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI')
    expect(base32Decode('mzxw 6ytb oi==').toString()).toBe('foobar')
    const uri = new URL(otpauthUri('MZXW6YTBOI', '陳黃律師行', 'Lam Kwok-wah'))
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.searchParams.get('secret')).toBe('MZXW6YTBOI')
    expect(uri.searchParams.get('digits')).toBe('6')
    expect(uri.searchParams.get('period')).toBe('30')
    expect(uri.host).toBe('totp')
    expect(decodeURIComponent(uri.pathname)).toBe('/陳黃律師行:Lam Kwok-wah')
  })

  it('seals secrets so a changed key or byte is refused', () => {
    const sealed = sealSecret('k'.repeat(40), 'SECRET')
    expect(openSecret('k'.repeat(40), sealed)).toBe('SECRET')
    expect(() => openSecret('j'.repeat(40), sealed)).toThrow()
    expect(sealed).not.toContain('SECRET')
  })

  it('makes ten distinct recovery codes whose hash ignores case and dashes', () => {
    const codes = newRecoveryCodes()
    expect(new Set(codes).size).toBe(10)
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)
    expect(hashRecoveryCode('k', 'u', codes[0]!)).toBe(
      hashRecoveryCode('k', 'u', codes[0]!.toUpperCase().replace('-', ' ')),
    )
    expect(hashRecoveryCode('k', 'u', codes[0]!)).not.toBe(hashRecoveryCode('k', 'other-user', codes[0]!))
  })
})
