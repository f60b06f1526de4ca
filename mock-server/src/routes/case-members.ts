import { z } from 'zod'
import {
  CaseMemberView, ErrorBody, MemberAdd, WallCreate, decide, effectiveMemberStatus, isInternalRole,
  type MemberStatus, type Role, type Tier,
} from '@suite/domain'
import type { App, Deps } from '../deps'
import type { Queryable } from '../db/db'
import { auditFor } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { enforce, openCase } from '../case-room/guard'
import { appLink } from '../http/links'
import { revokeMemberReentry } from '../case-room/reentry'
import { requireCaseStepUp } from '../case-room/step-up'
import { enqueueSyncForMember } from '../court-calendar/changes'
import { enqueue } from '../jobs/queue'
import { notify } from '../jobs/notify'
import { findUser, findUserByDingTalkId, upsertDingTalkUser } from '../users/repo'

interface MemberRow {
  case_id: string; user_id: string; status: MemberStatus; tier_ceiling: Tier; expires_at: Date | null; wall_reason: string | null
  added_at: Date; name: string; role: Role; title: string | null; restricted_to_internal: boolean
  expiry_milestone_id: string | null; milestone_title: string | null; milestone_reached_at: Date | null
}

const MEMBER_SQL = `SELECT m.case_id, m.user_id, m.status, m.tier_ceiling, m.expires_at, m.wall_reason, m.added_at, m.expiry_milestone_id,
    u.name, u.role, u.title, c.restricted_to_internal, e.title AS milestone_title, e.reached_at AS milestone_reached_at
  FROM case_members m JOIN users u ON u.id = m.user_id JOIN cases c ON c.id = m.case_id
  LEFT JOIN case_events e ON e.id = m.expiry_milestone_id`

/** Map a membership row to the wire shape, with the status that counts now. */
export function toMemberView(r: MemberRow, now: Date): CaseMemberView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
  return {
    userId: r.user_id as CaseMemberView['userId'], name: r.name, role: r.role, title: r.title, internal: isInternalRole(r.role),
    status: effectiveMemberStatus({ status: r.status, expiresAt: r.expires_at }, { role: r.role, restrictedToInternal: r.restricted_to_internal, now }),
    tierCeiling: r.tier_ceiling, expiresAt: iso(r.expires_at),
    expiryMilestone: r.expiry_milestone_id ? { id: r.expiry_milestone_id as never, title: r.milestone_title ?? '', reachedAt: iso(r.milestone_reached_at) } : null,
    wallReason: r.wall_reason, addedAt: new Date(r.added_at).toISOString(),
  }
}

async function memberRow(q: Queryable, caseId: string, userId: string): Promise<MemberRow | null> {
  return (await q.query<MemberRow>(`${MEMBER_SQL} WHERE m.case_id = $1 AND m.user_id = $2`, [caseId, userId])).rows[0] ?? null
}

const Params = z.object({ caseId: z.string().min(1).max(64) })
const MemberParams = Params.extend({ userId: z.string().min(1).max(64) })
const MemberList = z.object({ items: z.array(CaseMemberView) })
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 502: ErrorBody }
const DAY = 86_400_000
/** Externals' access: warn this long before it ends. */
const EXPIRY_WARNING_MS = 3 * DAY

/** Members of a case, internal additions (DingTalk picker or directory), revocation, ethical walls, expiry reminders. */
export async function caseMemberRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  app.get('/api/cases/:caseId/members', { schema: { tags: ['case-room'], params: Params, response: { 200: MemberList, ...errors } } }, async (req) => {
    const now = deps.now()
    const a = await openCase(db, req, req.params.caseId, now)
    const { rows } = await db.query<MemberRow>(`${MEMBER_SQL} WHERE m.case_id = $1 ORDER BY u.name`, [a.caseRow.id])
    const all = rows.map((r) => toMemberView(r, now))
    // Externals see the firm's team and themselves; never other outsiders, walls or lapsed entries.
    const items = a.internal ? all : all.filter((m) => m.userId === a.auth.user.id || (m.internal && m.status === 'active'))
    return { items: items.map((m) => (a.internal ? m : { ...m, wallReason: null })) }
  })

  app.post('/api/cases/:caseId/members', { schema: { tags: ['case-room'], params: Params, body: MemberAdd, response: { 200: MemberList, ...errors } } }, async (req) => {
    const now = deps.now()
    const pre = await openCase(db, req, req.params.caseId, now)
    enforce(decide(pre.subject, req.body.tierCeiling, 'invite'))
    // People picked in DingTalk who never opened the suite are fetched from the directory first.
    const ids = [...req.body.userIds]
    for (const dtId of req.body.dingtalkUserIds) {
      const known = await findUserByDingTalkId(db, dtId)
      if (known) { ids.push(known.id); continue }
      let profile
      try { profile = await deps.dingtalk.getUser(dtId) } catch {
        throw new HttpError('upstream_unavailable', 'DingTalk did not return this person; try again in a moment')
      }
      ids.push((await db.tx((q) => upsertDingTalkUser(q, pre.caseRow.org_id, profile))).row.id)
    }
    const added: string[] = []
    await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, req.body.tierCeiling, 'invite'))
      for (const [i, id] of [...new Set(ids)].entries()) {
        const u = await findUser(q, id)
        const field = [{ path: `userIds.${i}`, code: 'invalid', message: '' }]
        if (!u || !u.active || u.org_id !== a.caseRow.org_id) throw new HttpError('validation_failed', 'Unknown person', [{ ...field[0]!, code: 'unknown', message: 'No such active user' }])
        if (!isInternalRole(u.role)) throw new HttpError('validation_failed', 'People outside the firm join by invitation link', [{ ...field[0]!, code: 'external', message: 'Use an invitation for externals' }])
        const existing = await memberRow(q, a.caseRow.id, id)
        if (existing?.status === 'walled') throw new HttpError('conflict', `${u.name} is behind an ethical wall on this case; lift the wall first`)
        if (existing?.status === 'active' && existing.tier_ceiling === req.body.tierCeiling) continue
        await q.query(
          `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, added_by, added_at) VALUES ($1, $2, 'active', $3, $4, $5)
           ON CONFLICT (case_id, user_id) DO UPDATE SET status = 'active', tier_ceiling = EXCLUDED.tier_ceiling, added_by = EXCLUDED.added_by,
             added_at = EXCLUDED.added_at, revoked_by = NULL, revoked_at = NULL, expires_at = NULL`,
          [a.caseRow.id, id, req.body.tierCeiling, a.auth.user.id, now],
        )
        added.push(id)
        // Hearings and deadlines of the case that name them go back into their DingTalk calendar.
        await enqueueSyncForMember(q, a.caseRow.id, id, now)
        await auditFor(req, q, { action: 'case.member_add', targetType: 'user', targetId: id, caseId: a.caseRow.id, detail: { tierCeiling: req.body.tierCeiling, previous: existing?.status ?? null } })
      }
      if (added.length) {
        await notify(q, {
          userIds: added, kind: 'case.member_added', caseId: a.caseRow.id,
          title: `案件 ${a.caseRow.number}：你已加入 You were added`, body: `${a.auth.user.name} added you to ${a.caseRow.number} ${a.caseRow.title}`,
          link: appLink(deps.env, 'case-room', `/cases/${a.caseRow.id}`),
        })
      }
    })
    const { rows } = await db.query<MemberRow>(`${MEMBER_SQL} WHERE m.case_id = $1 ORDER BY u.name`, [pre.caseRow.id])
    return { items: rows.map((r) => toMemberView(r, now)) }
  })

  // Revoke at once: every later request of theirs is checked against this row.
  app.delete('/api/cases/:caseId/members/:userId', { schema: { tags: ['case-room'], params: MemberParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const target = await memberRow(q, a.caseRow.id, req.params.userId)
      if (!target) throw notFound('Member not found')
      enforce(decide(a.subject, target.tier_ceiling, 'revoke'), 'Member not found')
      if (target.user_id === a.auth.user.id) throw new HttpError('conflict', 'You cannot remove yourself from a case')
      if (target.status === 'walled') throw new HttpError('conflict', 'This person is behind an ethical wall; the wall stays until it is lifted')
      await q.query(`UPDATE case_members SET status = 'revoked', revoked_by = $3, revoked_at = $4 WHERE case_id = $1 AND user_id = $2`, [a.caseRow.id, target.user_id, a.auth.user.id, now])
      // Their saved device access and any unused sign-in link end in the same step.
      const reentry = await revokeMemberReentry(q, a.caseRow.id, target.user_id, 'member_revoked', now)
      // Their DingTalk calendar loses the case's hearings and deadlines.
      await enqueueSyncForMember(q, a.caseRow.id, target.user_id, now)
      await auditFor(req, q, { action: 'case.member_revoke', targetType: 'user', targetId: target.user_id, caseId: a.caseRow.id, detail: { previous: target.status, tierCeiling: target.tier_ceiling, reentryEnded: reentry } })
    })
    return reply.code(204).send(null)
  })

  // An ethical wall is checked before every grant (decide()), so it holds even against a partner role.
  app.post('/api/cases/:caseId/walls', { schema: { tags: ['case-room'], params: Params, body: WallCreate, response: { 201: CaseMemberView, ...errors } } }, async (req, reply) => {
    const now = deps.now()
    const view = await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'private', 'revoke'))
      const u = await findUser(q, req.body.userId)
      if (!u || u.org_id !== a.caseRow.org_id) throw new HttpError('validation_failed', 'Unknown person', [{ path: 'userId', code: 'unknown', message: 'No such user' }])
      if (!isInternalRole(u.role)) throw new HttpError('validation_failed', 'Walls apply to the firm’s own people; revoke an external member instead', [{ path: 'userId', code: 'external', message: 'Not an internal user' }])
      if (u.id === a.auth.user.id) throw new HttpError('conflict', 'You cannot wall yourself off a case')
      await q.query(
        `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, wall_reason, walled_by, walled_at, added_by, added_at)
         VALUES ($1, $2, 'walled', 'private', $3, $4, $5, $4, $5)
         ON CONFLICT (case_id, user_id) DO UPDATE SET status = 'walled', wall_reason = EXCLUDED.wall_reason, walled_by = EXCLUDED.walled_by, walled_at = EXCLUDED.walled_at`,
        [a.caseRow.id, u.id, req.body.reason, a.auth.user.id, now],
      )
      // Walled off: their DingTalk calendar loses the case's hearings and deadlines.
      await enqueueSyncForMember(q, a.caseRow.id, u.id, now)
      await auditFor(req, q, { action: 'case.wall_add', targetType: 'user', targetId: u.id, caseId: a.caseRow.id, detail: { reason: req.body.reason } })
      return toMemberView((await memberRow(q, a.caseRow.id, u.id))!, now)
    })
    return reply.code(201).send(view)
  })

  // Lifting a wall is privileged: a step-up first, and the person gets no access back by it (add them again if they should).
  app.delete('/api/cases/:caseId/walls/:userId', { schema: { tags: ['case-room'], params: MemberParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    const now = deps.now()
    const pre = await openCase(db, req, req.params.caseId, now)
    enforce(decide(pre.subject, 'private', 'revoke'))
    const target = await memberRow(db, pre.caseRow.id, req.params.userId)
    if (!target || target.status !== 'walled') throw notFound('No wall for this person')
    await requireCaseStepUp(req, { action: 'case.wall_lift', targetType: 'user', targetId: target.user_id, caseId: pre.caseRow.id })
    await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'private', 'revoke'))
      const r = await q.query(`UPDATE case_members SET status = 'revoked', wall_reason = NULL, revoked_by = $3, revoked_at = $4 WHERE case_id = $1 AND user_id = $2 AND status = 'walled'`,
        [a.caseRow.id, req.params.userId, a.auth.user.id, now])
      if (!r.rowCount) throw notFound('No wall for this person')
      await auditFor(req, q, { action: 'case.wall_lift', targetType: 'user', targetId: req.params.userId, caseId: a.caseRow.id, detail: { reason: target.wall_reason } })
    })
    return reply.code(204).send(null)
  })

  // Daily: tell the firm which externals' access ends within three days (each warning once).
  deps.jobHandlers['case-room.expiry-scan'] = async (_job, { db: jobDb }) => {
    const now = deps.now()
    const { rows } = await jobDb.query<{ case_id: string; user_id: string; name: string; expires_at: Date; added_by: string | null; number: string }>(
      `SELECT m.case_id, m.user_id, u.name, m.expires_at, m.added_by, c.number FROM case_members m
       JOIN users u ON u.id = m.user_id JOIN cases c ON c.id = m.case_id
       WHERE m.status = 'active' AND u.role IN ('client','external_expert') AND m.expires_at > $1 AND m.expires_at <= $2`,
      [now, new Date(now.getTime() + EXPIRY_WARNING_MS)],
    )
    for (const r of rows) {
      const { rows: partners } = await jobDb.query<{ user_id: string }>(
        `SELECT m.user_id FROM case_members m JOIN users u ON u.id = m.user_id WHERE m.case_id = $1 AND m.status = 'active' AND u.role = 'partner'`, [r.case_id])
      const to = [...new Set([...(r.added_by ? [r.added_by] : []), ...partners.map((p) => p.user_id)])]
      const at = new Date(r.expires_at).toISOString()
      await jobDb.tx((q) => notify(q, {
        userIds: to, kind: 'case.access_expiring', caseId: r.case_id, dedupeKey: `access-expiring:${r.case_id}:${r.user_id}:${at}`,
        title: `案件 ${r.number}：外部存取即將屆滿 Access ending soon`,
        body: `${r.name}'s access to ${r.number} ends at ${at}. Renew it from the members panel if they still need it.`,
      }))
    }
    const next = new Date(now.getTime() + DAY)
    await enqueue(jobDb, 'case-room.expiry-scan', {}, { runAt: next, dedupeKey: `case-room.expiry-scan:${next.toISOString().slice(0, 10)}` })
  }
  await enqueue(db, 'case-room.expiry-scan', {}, { dedupeKey: `case-room.expiry-scan:${deps.now().toISOString().slice(0, 10)}` })
}
