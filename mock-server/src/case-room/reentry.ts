import { randomBytes, randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { REENTRY_MAX_DAYS, effectiveMemberStatus, type MemberStatus, type Role, type Session } from '@suite/domain'
import type { Queryable } from '../db/db'
import type { Env } from '../env'
import { openSession, sha256, type OpenedSession } from '../auth/sessions'
import { SESSION_COOKIE } from '../http/auth-context'
import { toUser } from '../users/repo'
import { reentryRepo } from './reentry-repo'

/**
 * Device re-entry for external members. Accepting an invitation or a partner's sign-in link
 * leaves a random token in an httpOnly, signed cookie scoped to the re-entry endpoints; only its
 * SHA-256 is stored, bound to one membership. It lasts until the member's access ends or
 * REENTRY_MAX_DAYS days, whichever comes first. Each use rotates it (same family, same end);
 * a used token presented again is a replay and ends the whole family.
 */
export const REENTRY_COOKIE = 'suite_case_reentry'
/** The cookie goes only to `POST /api/case-room/re-entry` and `…/re-entry/forget`. */
export const REENTRY_PATH = '/api/case-room/re-entry'
const DAY = 86_400_000
/** A second use this soon after rotation is a concurrent tab, not a thief: refused, but the family is kept. */
export const REENTRY_RACE_MS = 15_000

/** A membership as re-entry sees it. */
export interface MemberAccess {
  caseId: string
  userId: string
  role: Role
  status: MemberStatus
  storedStatus: MemberStatus
  expiresAt: Date | null
  restrictedToInternal: boolean
  userActive: boolean
  caseNumber: string
}

/** The membership of `userId` in `caseId` with the status that counts at `now`, or null. */
export async function memberAccess(
  q: Queryable,
  caseId: string,
  userId: string,
  now: Date,
): Promise<MemberAccess | null> {
  const r = await reentryRepo.membership(q, caseId, userId)
  if (!r) return null
  const expiresAt = r.expires_at ? new Date(r.expires_at) : null
  return {
    caseId,
    userId,
    role: r.role,
    storedStatus: r.status,
    expiresAt,
    restrictedToInternal: r.restricted_to_internal,
    userActive: r.active,
    caseNumber: r.number,
    status: effectiveMemberStatus(
      { status: r.status, expiresAt },
      { role: r.role, restrictedToInternal: r.restricted_to_internal, now },
    ),
  }
}

/** When a credential issued now must end: the member's access end or 30 days, whichever comes first. */
export function reentryEnd(now: Date, memberExpiresAt: Date | null): Date {
  const cap = new Date(now.getTime() + REENTRY_MAX_DAYS * DAY)
  return memberExpiresAt && memberExpiresAt < cap ? memberExpiresAt : cap
}

/** A credential just written: the token for the cookie (never stored) and when it ends. */
export interface IssuedReentry {
  token: string
  id: string
  familyId: string
  expiresAt: Date
}

/** Store a new re-entry credential (hash only) for a membership. */
export async function issueReentry(
  q: Queryable,
  p: {
    caseId: string
    userId: string
    via: 'invitation' | 'sign_in_link' | 'rotation'
    expiresAt: Date
    familyId?: string
    userAgent?: string | undefined
    now: Date
  },
): Promise<IssuedReentry> {
  const token = randomBytes(32).toString('base64url')
  const id = `rec-${randomUUID()}`
  const familyId = p.familyId ?? `ref-${randomUUID()}`
  await reentryRepo.insertCredential(q, {
    id,
    familyId,
    caseId: p.caseId,
    userId: p.userId,
    tokenHash: sha256(token),
    via: p.via,
    now: p.now,
    expiresAt: p.expiresAt,
    userAgent: p.userAgent?.slice(0, 300) ?? null,
  })
  return { token, id, familyId, expiresAt: p.expiresAt }
}

/** End every live credential and every unused sign-in link of a membership (revocation, "sign out devices"). */
export function revokeMemberReentry(
  q: Queryable,
  caseId: string,
  userId: string,
  reason: string,
  now: Date,
): Promise<{ credentials: number; links: number }> {
  return reentryRepo.revokeMember(q, caseId, userId, reason, now)
}

/** End the live credential of one family (a replay was seen, or the member lost access); returns how many ended. */
export function revokeFamily(q: Queryable, familyId: string, reason: string, now: Date): Promise<number> {
  return reentryRepo.revokeFamily(q, familyId, reason, now)
}

const secureFlags = (env: Env) => {
  const none = env.COOKIE_SAMESITE === 'none'
  return {
    httpOnly: true,
    signed: true,
    sameSite: env.COOKIE_SAMESITE,
    secure: none || env.NODE_ENV === 'production',
    partitioned: none,
  } as const
}

/** Put the re-entry credential in the browser (httpOnly, signed, only sent to the re-entry endpoints). */
export function setReentryCookie(reply: FastifyReply, env: Env, issued: IssuedReentry): void {
  reply.setCookie(REENTRY_COOKIE, issued.token, { ...secureFlags(env), path: REENTRY_PATH, expires: issued.expiresAt })
}

/** Remove the re-entry credential from the browser. */
export function clearReentryCookie(reply: FastifyReply, env: Env): void {
  reply.clearCookie(REENTRY_COOKIE, { ...secureFlags(env), path: REENTRY_PATH })
}

/** The token of the request's re-entry cookie: null when absent, 'forged' when its signature is wrong. */
export function reentryToken(req: FastifyRequest): string | null | 'forged' {
  const raw = req.cookies[REENTRY_COOKIE]
  if (!raw) return null
  const unsigned = req.unsignCookie(raw)
  return unsigned.valid && unsigned.value ? unsigned.value : 'forged'
}

/** Put a freshly opened session in the browser, as every sign-in does. */
export function setSessionCookie(reply: FastifyReply, env: Env, s: OpenedSession): void {
  reply.setCookie(SESSION_COOKIE, s.token, { ...secureFlags(env), path: '/', expires: s.expiresAt })
}

/** Open an external member's session and build the `Session` answer. */
export async function openExternalSession(
  q: Queryable,
  req: FastifyRequest,
  env: Env,
  userId: string,
  now: Date,
): Promise<{ opened: OpenedSession; session: Session }> {
  const { user, org } = await reentryRepo.sessionOwner(q, userId)
  const opened = await openSession(q, {
    userId,
    method: 'invitation',
    ttlMinutes: env.SESSION_TTL_MINUTES,
    ip: req.ip,
    userAgent: req.headers['user-agent'],
    now,
  })
  return {
    opened,
    session: {
      user: toUser(user),
      org: { id: org.id as Session['org']['id'], corpId: org.corp_id, name: org.name },
      csrfToken: opened.csrfToken,
      expiresAt: opened.expiresAt.toISOString(),
      method: 'invitation',
    },
  }
}
