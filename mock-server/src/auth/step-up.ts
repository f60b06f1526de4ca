import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import { STEP_UP_TTL_SECONDS, type StepUpMethod, type StepUpStatus } from '@suite/domain'
import type { Queryable } from '../db/db'
import {
  TOTP,
  base32Decode,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  otpauthUri,
  sealSecret,
  timeStep,
  verifyTotp,
} from './totp'

/** Who is stepping up: the session's user. */
export interface StepUpSubject {
  userId: string
  sessionIdHash: string
  dingtalkUserId: string | null
}

interface TotpRow {
  secret_enc: string | null
  confirmed_at: Date | null
  last_step: number
  pending_secret_enc: string | null
  pending_enrolment_code_id: string | null
}

async function totpRow(q: Queryable, userId: string, lock = false): Promise<TotpRow | null> {
  return (
    (
      await q.query<TotpRow>(
        `SELECT secret_enc, confirmed_at, last_step, pending_secret_enc, pending_enrolment_code_id FROM user_totp WHERE user_id = $1${lock ? ' FOR UPDATE' : ''}`,
        [userId],
      )
    ).rows[0] ?? null
  )
}

/** The live elevation of a session, if any. */
export async function findElevation(
  q: Queryable,
  sessionIdHash: string,
  now: Date,
): Promise<{ method: StepUpMethod; expiresAt: Date } | null> {
  const r = (
    await q.query<{ method: StepUpMethod; expires_at: Date }>(
      'SELECT method, expires_at FROM session_step_ups WHERE session_id_hash = $1 AND expires_at > $2',
      [sessionIdHash, now],
    )
  ).rows[0]
  return r ? { method: r.method, expiresAt: new Date(r.expires_at) } : null
}

/** Second factors of a user and the elevation of their session. */
export async function stepUpStatus(q: Queryable, s: StepUpSubject, now: Date): Promise<StepUpStatus> {
  const t = await totpRow(q, s.userId)
  const left = (
    await q.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [s.userId],
    )
  ).rows[0]!.n
  const el = await findElevation(q, s.sessionIdHash, now)
  return {
    totpEnrolled: !!t?.confirmed_at,
    totpPending: !!t?.pending_secret_enc,
    recoveryCodesLeft: left,
    dingtalkAvailable: !!s.dingtalkUserId,
    elevatedUntil: el?.expiresAt.toISOString() ?? null,
    method: el?.method ?? null,
  }
}

/** Elevate a session for {@link STEP_UP_TTL_SECONDS}; a new grant replaces the old one. */
export async function grantStepUp(q: Queryable, s: StepUpSubject, method: StepUpMethod, now: Date): Promise<Date> {
  const expiresAt = new Date(now.getTime() + STEP_UP_TTL_SECONDS * 1000)
  await q.query(
    `INSERT INTO session_step_ups (session_id_hash, user_id, method, granted_at, expires_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id_hash) DO UPDATE SET method = EXCLUDED.method, granted_at = EXCLUDED.granted_at, expires_at = EXCLUDED.expires_at`,
    [s.sessionIdHash, s.userId, method, now, expiresAt],
  )
  return expiresAt
}

/** End a session's elevation before it runs out. */
export async function dropStepUp(q: Queryable, sessionIdHash: string): Promise<void> {
  await q.query('DELETE FROM session_step_ups WHERE session_id_hash = $1', [sessionIdHash])
}

/** End every elevation of a user's sessions (deactivation). */
export async function dropUserStepUps(q: Queryable, userId: string): Promise<void> {
  await q.query('DELETE FROM session_step_ups WHERE user_id = $1', [userId])
}

/**
 * Begin (or restart) a TOTP enrolment: a new secret waits, unconfirmed, beside any current one.
 * `enrolmentCodeId`: the set-up code that allowed it, spent when the enrolment is confirmed.
 */
export async function startTotpEnrolment(
  q: Queryable,
  key: string,
  user: { id: string; name: string },
  issuer: string,
  now: Date,
  enrolmentCodeId: string | null = null,
) {
  const secret = newTotpSecret()
  await q.query(
    `INSERT INTO user_totp (user_id, pending_secret_enc, pending_created_at, pending_enrolment_code_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET pending_secret_enc = EXCLUDED.pending_secret_enc, pending_created_at = EXCLUDED.pending_created_at,
       pending_enrolment_code_id = EXCLUDED.pending_enrolment_code_id`,
    [user.id, sealSecret(key, secret), now, enrolmentCodeId],
  )
  return {
    secret,
    otpauthUri: otpauthUri(secret, issuer, user.name),
    issuer,
    accountName: user.name,
    digits: TOTP.digits,
    period: TOTP.period,
    algorithm: TOTP.algorithm,
  }
}

/** What confirming an enrolment gave: the recovery codes, or why not. */
export type TotpConfirmation =
  { ok: true; codes: string[] } | { ok: false; reason: 'invalid_code' | 'enrolment_code_gone' }

/**
 * Confirm a pending enrolment with its first code: the pending secret becomes the user's
 * authenticator, the set-up code it was started with (if any) is spent, and ten fresh recovery
 * codes replace any old ones. Refused when the code is wrong, or when that set-up code has
 * meanwhile expired or been replaced by IT.
 */
export async function confirmTotp(
  q: Queryable,
  key: string,
  userId: string,
  code: string,
  now: Date,
): Promise<TotpConfirmation> {
  const t = await totpRow(q, userId, true)
  if (!t?.pending_secret_enc) return { ok: false, reason: 'invalid_code' }
  const step = verifyTotp(base32Decode(openSecret(key, t.pending_secret_enc)), code, now)
  if (step === null) return { ok: false, reason: 'invalid_code' }
  if (t.pending_enrolment_code_id) {
    const spent = await q.query(
      'UPDATE enrolment_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2',
      [t.pending_enrolment_code_id, now],
    )
    if (spent.rowCount !== 1) return { ok: false, reason: 'enrolment_code_gone' }
  }
  await q.query(
    `UPDATE user_totp SET secret_enc = pending_secret_enc, confirmed_at = $2, last_step = $3, pending_secret_enc = NULL, pending_created_at = NULL,
       pending_enrolment_code_id = NULL WHERE user_id = $1`,
    [userId, now, step],
  )
  return { ok: true, codes: await replaceRecoveryCodes(q, key, userId) }
}

/** Why a TOTP check failed. */
export type TotpFailure = 'not_enrolled' | 'invalid_code' | 'code_reused'

/** Check an authenticator code; a code's time step can be used once only. */
export async function checkTotp(
  q: Queryable,
  key: string,
  userId: string,
  code: string,
  now: Date,
): Promise<TotpFailure | null> {
  const t = await totpRow(q, userId, true)
  if (!t?.secret_enc || !t.confirmed_at) return 'not_enrolled'
  const step = verifyTotp(base32Decode(openSecret(key, t.secret_enc)), code, now)
  if (step === null) return 'invalid_code'
  if (step <= Number(t.last_step)) return 'code_reused'
  await q.query('UPDATE user_totp SET last_step = $2 WHERE user_id = $1', [userId, step])
  return null
}

/** Spend one recovery code; false when it is unknown or used. */
export async function useRecoveryCode(
  q: Queryable,
  key: string,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const r = await q.query(
    'UPDATE user_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL',
    [userId, hashRecoveryCode(key, userId, code), now],
  )
  return r.rowCount === 1
}

/** Replace a user's recovery codes with ten new ones; returns them in clear, once. */
export async function replaceRecoveryCodes(q: Queryable, key: string, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes()
  await q.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId])
  for (const c of codes)
    await q.query('INSERT INTO user_recovery_codes (user_id, code_hash) VALUES ($1, $2)', [
      userId,
      hashRecoveryCode(key, userId, c),
    ])
  return codes
}

/** Remove a user's authenticator and recovery codes (lost phone; an administrator resets it). */
export async function removeSecondFactor(q: Queryable, userId: string): Promise<boolean> {
  const a = await q.query('DELETE FROM user_totp WHERE user_id = $1', [userId])
  const b = await q.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId])
  await q.query('DELETE FROM session_step_ups WHERE user_id = $1', [userId])
  return a.rowCount + b.rowCount > 0
}

/** The time step now, for tests that need the next valid code. */
export const currentStep = timeStep

/** How long an administrator's set-up code stays usable. */
export const ENROLMENT_CODE_HOURS = 24
const ENROLMENT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

function hashEnrolmentCode(key: string, userId: string, code: string): string {
  return createHmac('sha256', key)
    .update(`enrolment:${userId}:${code.toUpperCase().replace(/[\s-]/g, '')}`)
    .digest('hex')
}

/**
 * Issue a one-time set-up code for `userId` (it replaces any unused one), valid for
 * {@link ENROLMENT_CODE_HOURS}. Returned in clear once; only a keyed hash is stored.
 */
export async function issueEnrolmentCode(
  q: Queryable,
  key: string,
  userId: string,
  issuedBy: string,
  now: Date,
): Promise<{ id: string; code: string; expiresAt: Date }> {
  const chars = [...randomBytes(12)].map((b) => ENROLMENT_ALPHABET[b % ENROLMENT_ALPHABET.length]).join('')
  const code = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3_600_000)
  const id = `enc-${randomUUID()}`
  await q.query('UPDATE enrolment_codes SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, now])
  await q.query(
    'INSERT INTO enrolment_codes (id, user_id, code_hash, issued_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, userId, hashEnrolmentCode(key, userId, code), issuedBy, now, expiresAt],
  )
  return { id, code, expiresAt }
}

/**
 * The id of a usable set-up code of `userId`, or null when it is unknown, used or expired. It
 * is spent by {@link confirmTotp}, so starting again after a reload works with the same code.
 */
export async function findEnrolmentCode(
  q: Queryable,
  key: string,
  userId: string,
  code: string,
  now: Date,
): Promise<string | null> {
  const r = await q.query<{ id: string }>(
    'SELECT id FROM enrolment_codes WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > $3',
    [userId, hashEnrolmentCode(key, userId, code), now],
  )
  return r.rows[0]?.id ?? null
}
