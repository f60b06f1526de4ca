import { randomBytes, randomUUID } from 'node:crypto'
import { z } from 'zod'
import {
  CaseRoomEntered, DevicesSignedOut, ErrorBody, ReEntryRequest, SignInLinkCreate, SignInLinkCreated, SignInLinkRedeem, decide, isInternalRole,
  type Role, type Tier,
} from '@suite/domain'
import type { App, Deps } from '../deps'
import type { Queryable } from '../db/db'
import { appendAudit } from '../audit/log'
import { revokeUserSessions, sha256 } from '../auth/sessions'
import { auditFor } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { enforce, openCase } from '../case-room/guard'
import { appLink } from '../http/links'
import {
  REENTRY_RACE_MS, clearReentryCookie, issueReentry, memberAccess, openExternalSession, reentryEnd, reentryToken, revokeFamily, revokeMemberReentry,
  setReentryCookie, setSessionCookie,
} from '../case-room/reentry'

interface CredentialRow {
  id: string; family_id: string; case_id: string; user_id: string; user_name: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null
}
interface LinkRow {
  id: string; case_id: string; user_id: string; user_name: string; link_expires_at: Date; used_at: Date | null; revoked_at: Date | null; created_by: string
}
interface ExternalRow { user_id: string; name: string; role: Role; tier_ceiling: Tier }

const Params = z.object({ caseId: z.string().min(1).max(64) })
const MemberParams = Params.extend({ userId: z.string().min(1).max(64) })
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody }
const NO_ACCESS = 'This device can no longer open the case room. Use the newest link the firm sent you, or ask the firm for a new one.'

/** An external member of the case the caller may manage (`action` on their tier ceiling), or 404. */
async function externalMember(q: Queryable, a: Awaited<ReturnType<typeof openCase>>, userId: string, action: 'invite' | 'revoke'): Promise<ExternalRow> {
  const m = (await q.query<ExternalRow>(
    'SELECT m.user_id, u.name, u.role, m.tier_ceiling FROM case_members m JOIN users u ON u.id = m.user_id WHERE m.case_id = $1 AND m.user_id = $2',
    [a.caseRow.id, userId])).rows[0]
  if (!m) throw notFound('Member not found')
  enforce(decide(a.subject, m.tier_ceiling, action), 'Member not found')
  if (isInternalRole(m.role)) {
    throw new HttpError('validation_failed', 'Firm members sign in through DingTalk', [{ path: 'userId', code: 'internal', message: 'Not an external member' }])
  }
  return m
}

/**
 * A way back in for external members, without a new invitation (and so without a new user):
 * the device re-entry credential left by accepting an invitation, and one-time sign-in links a
 * partner sends an existing external. Both are refused the moment the member is revoked,
 * expired or suspended; every use, refusal and replay is audited.
 */
export async function caseReentryRoutes(app: App, deps: Deps): Promise<void> {
  const { db, env } = deps
  const rateLimit = { rateLimit: { max: env.SIGN_IN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } }

  // The session ended (12 h) but this browser still holds the member's re-entry credential.
  app.post('/api/case-room/re-entry', { config: rateLimit, schema: { tags: ['case-room'], body: ReEntryRequest, response: { 200: CaseRoomEntered, ...errors } } }, async (req, reply) => {
    const now = deps.now()
    const token = reentryToken(req)
    if (token === null) throw new HttpError('unauthenticated', 'This device has no saved access to a case room')
    if (token === 'forged') {
      clearReentryCookie(reply, env)
      throw new HttpError('unauthenticated', NO_ACCESS)
    }
    type Outcome = { ok: true; entered: CaseRoomEntered; sessionCookie: Parameters<typeof setSessionCookie>[2]; next: Parameters<typeof setReentryCookie>[2] } | { ok: false; clear: boolean }
    const outcome = await db.tx(async (q): Promise<Outcome> => {
      const cred = (await q.query<CredentialRow>(
        `SELECT r.id, r.family_id, r.case_id, r.user_id, u.name AS user_name, r.expires_at, r.used_at, r.revoked_at
         FROM case_reentry_credentials r JOIN users u ON u.id = r.user_id WHERE r.token_hash = $1 FOR UPDATE OF r`, [sha256(token)])).rows[0]
      if (!cred) return { ok: false, clear: true }
      const audit = (action: string, detail: Record<string, unknown>) => appendAudit(q, {
        actorId: cred.user_id, actorName: cred.user_name, action, targetType: 'user', targetId: cred.user_id, caseId: cred.case_id, requestId: req.id,
        detail: { familyId: cred.family_id, credentialId: cred.id, ...detail },
      }, now)
      if (cred.revoked_at) {
        await audit('case.reentry_refused', { reason: 'revoked' })
        return { ok: false, clear: true }
      }
      if (cred.used_at) {
        // Two tabs waking at once both present the same token: refuse the slower one, keep the family.
        if (now.getTime() - new Date(cred.used_at).getTime() < REENTRY_RACE_MS) {
          await audit('case.reentry_refused', { reason: 'concurrent_use' })
          return { ok: false, clear: false }
        }
        // A used token again: someone kept a copy. End the family, the legitimate browser included.
        const ended = await revokeFamily(q, cred.family_id, 'replayed', now)
        await audit('case.reentry_replayed', { usedAt: new Date(cred.used_at).toISOString(), credentialsEnded: ended, ip: req.ip })
        return { ok: false, clear: true }
      }
      if (new Date(cred.expires_at) <= now) {
        await audit('case.reentry_refused', { reason: 'expired' })
        return { ok: false, clear: true }
      }
      const access = await memberAccess(q, cred.case_id, cred.user_id, now)
      if (!access || !access.userActive || (access.status !== 'active' && access.status !== 'suspended')) {
        const reason = !access ? 'not_a_member' : !access.userActive ? 'user_inactive' : `member_${access.status}`
        await revokeFamily(q, cred.family_id, reason, now)
        await audit('case.reentry_refused', { reason })
        return { ok: false, clear: true }
      }
      if (access.status === 'suspended') {
        // "Restrict to internal" is a pause: refuse now, keep the credential for when it is lifted.
        await audit('case.reentry_refused', { reason: 'member_suspended' })
        return { ok: false, clear: false }
      }
      await q.query('UPDATE case_reentry_credentials SET used_at = $2 WHERE id = $1', [cred.id, now])
      const end = access.expiresAt && access.expiresAt < new Date(cred.expires_at) ? access.expiresAt : new Date(cred.expires_at)
      const next = await issueReentry(q, { caseId: cred.case_id, userId: cred.user_id, via: 'rotation', familyId: cred.family_id, expiresAt: end, userAgent: req.headers['user-agent'], now })
      const { opened, session } = await openExternalSession(q, req, env, cred.user_id, now)
      await audit('case.reentry_sign_in', { nextCredentialId: next.id, reentryExpiresAt: end.toISOString() })
      return { ok: true, entered: { session, caseId: cred.case_id as CaseRoomEntered['caseId'] }, sessionCookie: opened, next }
    })
    if (!outcome.ok) {
      if (outcome.clear) clearReentryCookie(reply, env)
      throw new HttpError('unauthenticated', NO_ACCESS)
    }
    setSessionCookie(reply, env, outcome.sessionCookie)
    setReentryCookie(reply, env, outcome.next)
    return outcome.entered
  })

  // Signing out on this device ends its re-entry credential too, or signing out would not stick.
  app.post('/api/case-room/re-entry/forget', { schema: { tags: ['case-room'], body: ReEntryRequest, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const now = deps.now()
    const token = reentryToken(req)
    if (token && token !== 'forged') {
      await db.tx(async (q) => {
        const cred = (await q.query<CredentialRow>(
          `SELECT r.id, r.family_id, r.case_id, r.user_id, u.name AS user_name FROM case_reentry_credentials r JOIN users u ON u.id = r.user_id
           WHERE r.token_hash = $1 AND r.revoked_at IS NULL`, [sha256(token)])).rows[0]
        if (!cred) return
        const ended = await revokeFamily(q, cred.family_id, 'signed_out', now)
        await appendAudit(q, {
          actorId: cred.user_id, actorName: cred.user_name, action: 'case.reentry_forget', targetType: 'user', targetId: cred.user_id, caseId: cred.case_id,
          requestId: req.id, detail: { familyId: cred.family_id, credentialsEnded: ended },
        }, now)
      })
    }
    clearReentryCookie(reply, env)
    return reply.code(204).send(null)
  })

  // A partner sends an existing external member a one-time way back in (no new user, same membership).
  app.post('/api/cases/:caseId/members/:userId/sign-in-link', {
    schema: { tags: ['case-room'], params: MemberParams, body: SignInLinkCreate, response: { 201: SignInLinkCreated, ...errors } },
  }, async (req, reply) => {
    const now = deps.now()
    const token = randomBytes(32).toString('base64url')
    const id = `sil-${randomUUID()}`
    const made = await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const m = await externalMember(q, a, req.params.userId, 'invite')
      const access = (await memberAccess(q, a.caseRow.id, m.user_id, now))!
      if (access.status === 'suspended') throw new HttpError('conflict', 'Outside access to this case is paused; lift “restrict to internal” first')
      if (access.status !== 'active' || !access.userActive) throw new HttpError('conflict', 'This member’s access has ended; invite them again if they still need it')
      const wanted = new Date(now.getTime() + req.body.linkValidHours * 3_600_000)
      const linkExpiresAt = access.expiresAt && access.expiresAt < wanted ? access.expiresAt : wanted
      // One live link per member: a new one replaces any unused earlier one.
      const replaced = await q.query('UPDATE case_sign_in_links SET revoked_at = $3 WHERE case_id = $1 AND user_id = $2 AND used_at IS NULL AND revoked_at IS NULL',
        [a.caseRow.id, m.user_id, now])
      await q.query(
        'INSERT INTO case_sign_in_links (id, case_id, user_id, token_hash, link_expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [id, a.caseRow.id, m.user_id, sha256(token), linkExpiresAt, a.auth.user.id, now])
      await auditFor(req, q, {
        action: 'case.sign_in_link_create', targetType: 'user', targetId: m.user_id, caseId: a.caseRow.id,
        detail: { linkId: id, linkExpiresAt: linkExpiresAt.toISOString(), replacedLinks: replaced.rowCount },
      })
      return { userId: m.user_id as SignInLinkCreated['userId'], name: m.name, linkExpiresAt: linkExpiresAt.toISOString() }
    })
    return reply.code(201).send({ ...made, token, url: appLink(deps.env, 'case-room', `/sign-in/${token}`) })
  })

  app.post('/api/sign-in-links/redeem', { config: rateLimit, schema: { tags: ['case-room'], body: SignInLinkRedeem, response: { 200: CaseRoomEntered, ...errors } } }, async (req, reply) => {
    const now = deps.now()
    type Outcome = { ok: true; entered: CaseRoomEntered; sessionCookie: Parameters<typeof setSessionCookie>[2]; next: Parameters<typeof setReentryCookie>[2] } | { ok: false; error: HttpError }
    const outcome = await db.tx(async (q): Promise<Outcome> => {
      const link = (await q.query<LinkRow>(
        `SELECT l.id, l.case_id, l.user_id, u.name AS user_name, l.link_expires_at, l.used_at, l.revoked_at, l.created_by
         FROM case_sign_in_links l JOIN users u ON u.id = l.user_id WHERE l.token_hash = $1 FOR UPDATE OF l`, [sha256(req.body.token)])).rows[0]
      if (!link || link.revoked_at) return { ok: false, error: notFound('This sign-in link is not valid. Ask the firm for a new one.') }
      const audit = (action: string, detail: Record<string, unknown>) => appendAudit(q, {
        actorId: link.user_id, actorName: link.user_name, action, targetType: 'user', targetId: link.user_id, caseId: link.case_id, requestId: req.id,
        detail: { linkId: link.id, ...detail },
      }, now)
      if (link.used_at) {
        await audit('case.sign_in_link_replayed', { usedAt: new Date(link.used_at).toISOString(), ip: req.ip })
        return { ok: false, error: new HttpError('conflict', 'This sign-in link has already been used. Ask the firm for a new one.') }
      }
      if (new Date(link.link_expires_at) <= now) return { ok: false, error: new HttpError('conflict', 'This sign-in link has expired. Ask the firm for a new one.') }
      const access = await memberAccess(q, link.case_id, link.user_id, now)
      if (!access || !access.userActive || access.status !== 'active') {
        const reason = !access ? 'not_a_member' : !access.userActive ? 'user_inactive' : `member_${access.status}`
        await audit('case.sign_in_link_refused', { reason })
        return {
          ok: false,
          error: new HttpError('conflict', access?.status === 'suspended'
            ? 'The firm has paused outside access to this case. Try again later or contact the firm.'
            : 'Your access to this case has ended. Contact the firm if you still need it.'),
        }
      }
      await q.query('UPDATE case_sign_in_links SET used_at = $2 WHERE id = $1', [link.id, now])
      const next = await issueReentry(q, { caseId: link.case_id, userId: link.user_id, via: 'sign_in_link', expiresAt: reentryEnd(now, access.expiresAt), userAgent: req.headers['user-agent'], now })
      const { opened, session } = await openExternalSession(q, req, env, link.user_id, now)
      await audit('case.sign_in_link_redeem', { familyId: next.familyId, reentryExpiresAt: next.expiresAt.toISOString() })
      return { ok: true, entered: { session, caseId: link.case_id as CaseRoomEntered['caseId'] }, sessionCookie: opened, next }
    })
    if (!outcome.ok) throw outcome.error
    setSessionCookie(reply, env, outcome.sessionCookie)
    setReentryCookie(reply, env, outcome.next)
    return outcome.entered
  })

  // A lost phone: end the external's sessions, device credentials and unused links; the membership stays.
  app.delete('/api/cases/:caseId/members/:userId/devices', { schema: { tags: ['case-room'], params: MemberParams, response: { 200: DevicesSignedOut, ...errors } } }, async (req) => {
    const now = deps.now()
    return db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const m = await externalMember(q, a, req.params.userId, 'revoke')
      const ended = await revokeMemberReentry(q, a.caseRow.id, m.user_id, 'signed_out_by_firm', now)
      const elsewhere = await q.query('SELECT 1 FROM case_members WHERE user_id = $1 AND case_id <> $2 AND status = \'active\' LIMIT 1', [m.user_id, a.caseRow.id])
      const sessions = elsewhere.rows.length ? 0 : await revokeUserSessions(q, m.user_id)
      await auditFor(req, q, { action: 'case.reentry_revoke', targetType: 'user', targetId: m.user_id, caseId: a.caseRow.id, detail: { ...ended, sessions } })
      return { ...ended, sessions }
    })
  })
}
