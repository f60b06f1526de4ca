import { createHash, randomBytes } from 'node:crypto'
import type { Session } from '@suite/domain'
import type { Queryable } from '../db/db'
import type { UserRow } from '../users/repo'

/** sha256 hex; session tokens and auth codes are stored only as hashes. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** A freshly opened session: the token goes in the cookie, only its hash is stored. */
export interface OpenedSession {
  token: string
  csrfToken: string
  expiresAt: Date
}

/** Open a session for a user. */
export async function openSession(
  q: Queryable,
  p: {
    userId: string
    method: Session['method']
    ttlMinutes: number
    ip?: string | undefined
    userAgent?: string | undefined
    now?: Date
  },
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date((p.now ?? new Date()).getTime() + p.ttlMinutes * 60_000)
  await q.query(
    'INSERT INTO sessions (id_hash, user_id, csrf_token, method, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [sha256(token), p.userId, csrfToken, p.method, expiresAt, p.ip ?? null, p.userAgent?.slice(0, 300) ?? null],
  )
  return { token, csrfToken, expiresAt }
}

/** What a request's session resolves to. */
export type SessionLookup =
  | { ok: true; user: UserRow; csrfToken: string; expiresAt: Date; method: Session['method']; idHash: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'user_inactive' }

/** Find the session behind a cookie token, with its user; a deactivated user's sessions end at once. */
export async function lookupSession(q: Queryable, token: string, now = new Date()): Promise<SessionLookup> {
  const { rows } = await q.query<
    { csrf_token: string; expires_at: Date; revoked_at: Date | null; method: Session['method'] } & { u: UserRow }
  >(
    `SELECT s.csrf_token, s.expires_at, s.revoked_at, s.method, row_to_json(u.*) AS u
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1`,
    [sha256(token)],
  )
  const r = rows[0]
  if (!r) return { ok: false, reason: 'unknown' }
  if (r.revoked_at) return { ok: false, reason: 'revoked' }
  if (new Date(r.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' }
  if (!r.u.active) return { ok: false, reason: 'user_inactive' }
  return {
    ok: true,
    user: { ...r.u, created_at: new Date(r.u.created_at) },
    csrfToken: r.csrf_token,
    expiresAt: new Date(r.expires_at),
    method: r.method,
    idHash: sha256(token),
  }
}

/** End one session. */
export async function revokeSession(q: Queryable, idHash: string): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL', [idHash])
}

/** End every session of a user (deactivation, role change). Returns how many were open. */
export async function revokeUserSessions(q: Queryable, userId: string): Promise<number> {
  const r = await q.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId])
  return r.rowCount
}

/**
 * Remember an auth code as used; false when it was used before. DingTalk's codes are single
 * use already; this refuses a replay before any call to DingTalk is spent on it.
 */
export async function claimAuthCode(q: Queryable, code: string): Promise<boolean> {
  const r = await q.query('INSERT INTO used_auth_codes (code_hash) VALUES ($1) ON CONFLICT (code_hash) DO NOTHING', [
    sha256(code),
  ])
  return r.rowCount === 1
}
