import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import type { InviteeContact } from '@suite/domain'

/** A fresh one-time code: 6 random digits. */
export function newInvitationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/**
 * What is stored of a code: an HMAC under the server's secret, bound to the invitation, so a
 * copy of the table neither shows the codes nor lets them be tried offline.
 */
export function invitationCodeHash(secret: string, invitationId: string, code: string): string {
  return createHmac('sha256', secret).update(`invitation-code:${invitationId}:${code}`).digest('hex')
}

/** True when `code` is the one whose hash is `hash` (compared in constant time). */
export function invitationCodeMatches(secret: string, invitationId: string, code: string, hash: string): boolean {
  const a = Buffer.from(invitationCodeHash(secret, invitationId, code), 'hex')
  const b = Buffer.from(hash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** A contact shown to the person holding the link: enough to recognise, not enough to learn it. */
export function maskContact(c: InviteeContact): string {
  if (c.kind === 'phone') return `${c.value.slice(0, c.value.startsWith('+86') ? 3 : 4)} •••• ${c.value.slice(-4)}`
  const [local = '', domain = ''] = c.value.split('@')
  return `${local.slice(0, 1)}•••@${domain}`
}

/** A contact as people write it: `+852 9123 4567`, `+86 138 0013 8000`, or the e-mail address. */
export function displayContact(c: InviteeContact): string {
  if (c.kind === 'email') return c.value
  const m = /^\+(852|853)(\d{4})(\d{4})$/.exec(c.value) ?? /^\+(86)(\d{3})(\d{4})(\d{4})$/.exec(c.value)
  return m ? `+${m.slice(1).join(' ')}` : c.value
}
