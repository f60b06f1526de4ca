import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** RFC 6238 parameters the suite uses; every common authenticator app supports them. */
export const TOTP = { digits: 6, period: 30, algorithm: 'SHA1' } as const

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** RFC 4648 base32 without padding (how otpauth:// carries secrets). */
export function base32Encode(buf: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of buf) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31]
  return out
}

/** Inverse of {@link base32Encode}; spaces, padding and case are ignored. */
export function base32Decode(s: string): Buffer {
  const clean = s.toUpperCase().replace(/[\s=]/g, '')
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const ch of clean) {
    const i = B32.indexOf(ch)
    if (i < 0) throw new Error('not base32')
    value = (value << 5) | i
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

/** RFC 4226 HOTP: HMAC-SHA-1 of the counter, dynamically truncated to `digits`. */
export function hotp(secret: Uint8Array, counter: number, digits: number = TOTP.digits): string {
  const msg = Buffer.alloc(8)
  msg.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', secret).update(msg).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!
  return String(bin % 10 ** digits).padStart(digits, '0')
}

/** The 30-second time step of an instant. */
export const timeStep = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP.period)

/** RFC 6238 TOTP code at an instant. */
export function totp(secret: Uint8Array, at: Date): string {
  return hotp(secret, timeStep(at))
}

/**
 * Check a code against the steps around `at` (one step either side, for clock drift).
 * Returns the matching step, so the caller can refuse its reuse, or null.
 */
export function verifyTotp(secret: Uint8Array, code: string, at: Date, window = 1): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const now = timeStep(at)
  const given = Buffer.from(code)
  for (let d = -window; d <= window; d++) {
    const want = Buffer.from(hotp(secret, now + d))
    if (timingSafeEqual(want, given)) return now + d
  }
  return null
}

/** A new random 160-bit secret (the size RFC 4226 recommends), base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20))
}

/** The `otpauth://totp/...` URI an authenticator app scans. */
export function otpauthUri(secret: string, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  const q = new URLSearchParams({
    secret,
    issuer,
    algorithm: TOTP.algorithm,
    digits: String(TOTP.digits),
    period: String(TOTP.period),
  })
  return `otpauth://totp/${label}?${q.toString()}`
}

const keyFrom = (serverSecret: string) => createHash('sha256').update(`suite-totp-secret:${serverSecret}`).digest()

/** Encrypt a TOTP secret for storage (AES-256-GCM under a key derived from the server secret). */
export function sealSecret(serverSecret: string, plain: string): string {
  const iv = randomBytes(12)
  const c = createCipheriv('aes-256-gcm', keyFrom(serverSecret), iv)
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
  return [iv, c.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')
}

/** Decrypt what {@link sealSecret} stored; throws if it was altered or the key changed. */
export function openSecret(serverSecret: string, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'))
  if (!iv || !tag || !body) throw new Error('malformed sealed secret')
  const d = createDecipheriv('aes-256-gcm', keyFrom(serverSecret), iv)
  d.setAuthTag(tag)
  return Buffer.concat([d.update(body), d.final()]).toString('utf8')
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten recovery codes `xxxxx-xxxxx` (about 49 bits each, no look-alike characters). */
export function newRecoveryCodes(n = 10): string[] {
  return Array.from({ length: n }, () => {
    const bytes = randomBytes(10)
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

/** Keyed hash of a recovery code as stored; typing case, spaces and dashes do not matter. */
export function hashRecoveryCode(serverSecret: string, userId: string, code: string): string {
  const norm = code.toLowerCase().replace(/[\s-]/g, '')
  return createHmac('sha256', serverSecret).update(`recovery:${userId}:${norm}`).digest('hex')
}
