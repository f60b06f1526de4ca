import { randomBytes, randomUUID } from 'node:crypto'
import { z } from 'zod'
import {
  ErrorBody, Invitation, InvitationAccept, InvitationAccepted, InvitationCreate, InvitationCreated, decide, endOfHongKongDay,
  type AccessExpiry, type Session,
} from '@suite/domain'
import type { App, Deps } from '../deps'
import { appendAudit } from '../audit/log'
import { openSession, sha256 } from '../auth/sessions'
import { SESSION_COOKIE, auditFor } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { enforce, membersWhoSee, openCase } from '../case-room/guard'
import { appLink } from '../http/links'
import { issueReentry, reentryEnd, setReentryCookie } from '../case-room/reentry'
import { notify } from '../jobs/notify'
import { toUser, type UserRow } from '../users/repo'

interface InvitationRow {
  id: string; case_id: string; name: string; role: 'client' | 'external_expert'; tier_ceiling: 'public' | 'restricted'
  access_expires_on: string | null; expiry_milestone_id: string | null; link_expires_at: Date; created_by: string; creator_name: string
  created_at: Date; accepted_at: Date | null; revoked_at: Date | null
}

const COLS = `i.id, i.case_id, i.name, i.role, i.tier_ceiling, i.access_expires_on::text AS access_expires_on, i.expiry_milestone_id,
  i.link_expires_at, i.created_by, i.created_at, i.accepted_at, i.revoked_at`
const SELECT = `SELECT ${COLS}, u.name AS creator_name FROM case_invitations i JOIN users u ON u.id = i.created_by`

function toInvitation(r: InvitationRow, now: Date): Invitation {
  const accessExpiry: AccessExpiry = r.access_expires_on
    ? { kind: 'date', date: r.access_expires_on }
    : { kind: 'milestone', milestoneId: r.expiry_milestone_id as never }
  const status = r.revoked_at ? 'revoked' : r.accepted_at ? 'accepted' : new Date(r.link_expires_at) <= now ? 'expired' : 'pending'
  return {
    id: r.id as Invitation['id'], caseId: r.case_id as Invitation['caseId'], name: r.name, role: r.role, tierCeiling: r.tier_ceiling, accessExpiry,
    linkExpiresAt: new Date(r.link_expires_at).toISOString(), createdBy: r.creator_name, createdAt: new Date(r.created_at).toISOString(), status,
  }
}

const Params = z.object({ caseId: z.string().min(1).max(64) })
const InvitationParams = Params.extend({ invitationId: z.string().min(1).max(64) })
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody }

/**
 * External members join by a one-time link: the token is shown once, stored only as a hash,
 * works once and only until the link expires. Accepting creates the external user, their
 * membership (role, tier ceiling, expiry date or milestone), a session, and a device re-entry
 * credential for coming back later (routes/case-reentry.ts), with no DingTalk.
 */
export async function caseInvitationRoutes(app: App, deps: Deps): Promise<void> {
  const { db, env } = deps

  app.post('/api/cases/:caseId/invitations', { schema: { tags: ['case-room'], params: Params, body: InvitationCreate, response: { 201: InvitationCreated, ...errors } } }, async (req, reply) => {
    const now = deps.now()
    const b = req.body
    const token = randomBytes(32).toString('base64url')
    const id = `inv-${randomUUID()}`
    const row = await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, b.tierCeiling, 'invite'))
      if (b.accessExpiry.kind === 'date' && endOfHongKongDay(b.accessExpiry.date) <= now) {
        throw new HttpError('validation_failed', 'The access end date has passed', [{ path: 'accessExpiry.date', code: 'past', message: 'Choose today or a later date' }])
      }
      if (b.accessExpiry.kind === 'milestone') {
        const m = (await q.query<{ kind: string; reached_at: Date | null }>('SELECT kind, reached_at FROM case_events WHERE id = $1 AND case_id = $2', [b.accessExpiry.milestoneId, a.caseRow.id])).rows[0]
        if (!m || m.kind !== 'milestone') throw new HttpError('validation_failed', 'No such milestone in this case', [{ path: 'accessExpiry.milestoneId', code: 'unknown', message: 'Unknown milestone' }])
        if (m.reached_at) throw new HttpError('validation_failed', 'This milestone has already been reached', [{ path: 'accessExpiry.milestoneId', code: 'reached', message: 'Milestone already reached' }])
      }
      await q.query(
        `INSERT INTO case_invitations (id, case_id, token_hash, name, contact, role, tier_ceiling, access_expires_on, expiry_milestone_id, link_expires_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [id, a.caseRow.id, sha256(token), b.name, b.contact ?? null, b.role, b.tierCeiling,
          b.accessExpiry.kind === 'date' ? b.accessExpiry.date : null, b.accessExpiry.kind === 'milestone' ? b.accessExpiry.milestoneId : null,
          new Date(now.getTime() + b.linkValidHours * 3_600_000), a.auth.user.id, now],
      )
      await auditFor(req, q, { action: 'case.invitation_create', targetType: 'invitation', targetId: id, caseId: a.caseRow.id, detail: { name: b.name, role: b.role, tierCeiling: b.tierCeiling, accessExpiry: b.accessExpiry } })
      await notify(q, {
        userIds: await membersWhoSee(q, a.caseRow.id, 'private', now, [a.auth.user.id]), kind: 'case.invitation', caseId: a.caseRow.id,
        title: `案件 ${a.caseRow.number}：已邀請外部成員 Invitation sent`,
        body: `${a.auth.user.name} invited ${b.name} (${b.role}, ${b.tierCeiling}) to ${a.caseRow.number}.`,
        link: appLink(deps.env, 'case-room', `/cases/${a.caseRow.id}/members`),
      })
      return (await q.query<InvitationRow>(`${SELECT} WHERE i.id = $1`, [id])).rows[0]!
    })
    return reply.code(201).send({ invitation: toInvitation(row, now), token, url: appLink(deps.env, 'case-room', `/invite/${token}`) })
  })

  app.get('/api/cases/:caseId/invitations', { schema: { tags: ['case-room'], params: Params, response: { 200: z.object({ items: z.array(Invitation) }), ...errors } } }, async (req) => {
    const now = deps.now()
    const a = await openCase(db, req, req.params.caseId, now)
    enforce(decide(a.subject, 'private', 'list'))
    const { rows } = await db.query<InvitationRow>(`${SELECT} WHERE i.case_id = $1 ORDER BY i.created_at DESC LIMIT 200`, [a.caseRow.id])
    return { items: rows.map((r) => toInvitation(r, now)) }
  })

  app.delete('/api/cases/:caseId/invitations/:invitationId', { schema: { tags: ['case-room'], params: InvitationParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const inv = (await q.query<InvitationRow>(`${SELECT} WHERE i.id = $1 AND i.case_id = $2`, [req.params.invitationId, a.caseRow.id])).rows[0]
      if (!inv) throw notFound('Invitation not found')
      enforce(decide(a.subject, inv.tier_ceiling, 'revoke'), 'Invitation not found')
      if (inv.accepted_at) throw new HttpError('conflict', 'This invitation was already accepted; revoke the member instead')
      await q.query('UPDATE case_invitations SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [inv.id, now])
      await auditFor(req, q, { action: 'case.invitation_revoke', targetType: 'invitation', targetId: inv.id, caseId: a.caseRow.id })
    })
    return reply.code(204).send(null)
  })

  app.post('/api/invitations/accept', {
    config: { rateLimit: { max: env.SIGN_IN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
    schema: { tags: ['case-room'], body: InvitationAccept, response: { 200: InvitationAccepted, ...errors } },
  }, async (req, reply) => {
    const now = deps.now()
    const result = await db.tx(async (q) => {
      const inv = (await q.query<InvitationRow & { restricted_to_internal: boolean; status: string; org_id: string; number: string; reached_at: Date | null }>(
        `SELECT ${COLS}, c.restricted_to_internal, c.status, c.org_id, c.number, e.reached_at FROM case_invitations i
         JOIN cases c ON c.id = i.case_id LEFT JOIN case_events e ON e.id = i.expiry_milestone_id
         WHERE i.token_hash = $1 FOR UPDATE OF i`, [sha256(req.body.token)])).rows[0]
      if (!inv || inv.revoked_at) throw notFound('This invitation link is not valid. Ask the firm for a new one.')
      if (inv.accepted_at) throw new HttpError('conflict', 'This invitation link has already been used. Ask the firm for a new one.')
      if (new Date(inv.link_expires_at) <= now) throw new HttpError('conflict', 'This invitation link has expired. Ask the firm for a new one.')
      const accessEnds = inv.access_expires_on ? endOfHongKongDay(inv.access_expires_on) : null
      if ((accessEnds && accessEnds <= now) || inv.reached_at) throw new HttpError('conflict', 'The access this invitation offered has already ended. Ask the firm for a new one.')
      if (inv.restricted_to_internal || inv.status === 'closed') throw new HttpError('conflict', 'The firm has paused outside access to this case. Try again later or contact the firm.')
      const userId = `u-ext-${randomUUID()}`
      const user = (await q.query<UserRow>(
        `INSERT INTO users (id, org_id, name, role, locale) VALUES ($1, $2, $3, $4, 'zh-HK') RETURNING *`, [userId, inv.org_id, inv.name, inv.role])).rows[0]!
      await q.query(
        `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, expires_at, expiry_milestone_id, added_by, added_at) VALUES ($1, $2, 'active', $3, $4, $5, $6, $7)`,
        [inv.case_id, userId, inv.tier_ceiling, accessEnds, inv.expiry_milestone_id, inv.created_by, now],
      )
      await q.query('UPDATE case_invitations SET accepted_at = $2, accepted_user_id = $3 WHERE id = $1', [inv.id, now, userId])
      const s = await openSession(q, { userId, method: 'invitation', ttlMinutes: env.SESSION_TTL_MINUTES, ip: req.ip, userAgent: req.headers['user-agent'], now })
      // This browser may open a new session later without a new invitation (see case-room/reentry.ts).
      const reentry = await issueReentry(q, { caseId: inv.case_id, userId, via: 'invitation', expiresAt: reentryEnd(now, accessEnds), userAgent: req.headers['user-agent'], now })
      await appendAudit(q, {
        actorId: userId, actorName: user.name, action: 'case.invitation_accept', targetType: 'invitation', targetId: inv.id, caseId: inv.case_id, requestId: req.id,
        detail: { role: inv.role, tierCeiling: inv.tier_ceiling, reentryFamilyId: reentry.familyId, reentryExpiresAt: reentry.expiresAt.toISOString() },
      })
      await notify(q, {
        userIds: [inv.created_by], kind: 'case.invitation_accepted', caseId: inv.case_id,
        title: `案件 ${inv.number}：邀請已接受 Invitation accepted`, body: `${inv.name} accepted the invitation to ${inv.number}.`,
        link: appLink(deps.env, 'case-room', `/cases/${inv.case_id}/members`),
      })
      const org = (await q.query<{ id: string; corp_id: string; name: string }>('SELECT id, corp_id, name FROM orgs WHERE id = $1', [inv.org_id])).rows[0]!
      return { user, s, caseId: inv.case_id, org, reentry }
    })
    const none = env.COOKIE_SAMESITE === 'none'
    reply.setCookie(SESSION_COOKIE, result.s.token, {
      path: '/', httpOnly: true, signed: true, sameSite: env.COOKIE_SAMESITE, secure: none || env.NODE_ENV === 'production', partitioned: none, expires: result.s.expiresAt,
    })
    setReentryCookie(reply, env, result.reentry)
    const session: Session = {
      user: toUser(result.user), org: { id: result.org.id as Session['org']['id'], corpId: result.org.corp_id, name: result.org.name },
      csrfToken: result.s.csrfToken, expiresAt: result.s.expiresAt.toISOString(), method: 'invitation',
    }
    return { session, caseId: result.caseId as InvitationAccepted['caseId'] }
  })
}
