import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { CaseEvent, CaseEventCreate, CaseEventUpdate, ErrorBody, decide } from '@suite/domain'
import type { App, Deps } from '../deps'
import type { Queryable } from '../db/db'
import { auditFor } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { enforce, membersWhoSee, openCase } from '../case-room/guard'
import { appLink } from '../http/links'
import { notify } from '../jobs/notify'

interface EventRow {
  id: string; case_id: string; kind: CaseEvent['kind']; title: string; body: string; occurs_at: Date | null; reached_at: Date | null
  created_by: string; created_by_name: string; created_at: Date; comment_count: number
}

const SELECT = `SELECT e.*, u.name AS created_by_name,
    (SELECT count(*)::int FROM case_comments k WHERE k.case_id = e.case_id AND k.target_type = 'event' AND k.target_id = e.id) AS comment_count
  FROM case_events e JOIN users u ON u.id = e.created_by`

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

function toEvent(r: EventRow): CaseEvent {
  return {
    id: r.id as CaseEvent['id'], caseId: r.case_id as CaseEvent['caseId'], kind: r.kind, title: r.title, body: r.body,
    occursAt: iso(r.occurs_at), reachedAt: iso(r.reached_at), createdBy: r.created_by, createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(), commentCount: r.comment_count,
  }
}

async function eventRow(q: Queryable, caseId: string, id: string): Promise<EventRow | null> {
  return (await q.query<EventRow>(`${SELECT} WHERE e.case_id = $1 AND e.id = $2`, [caseId, id])).rows[0] ?? null
}

const Params = z.object({ caseId: z.string().min(1).max(64) })
const EventParams = Params.extend({ eventId: z.string().min(1).max(64) })
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const KIND_ZH: Record<CaseEvent['kind'], string> = { milestone: '新里程碑 New milestone', hearing: '聆訊日期 Hearing date', notice: '通告 Notice', update: '進展 Update' }

/**
 * The public timeline of a case: milestones, hearing dates, notices and progress updates,
 * which every member sees (clients included). Marking a milestone reached ends the access
 * of every external member whose expiry is bound to it.
 */
export async function caseTimelineRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  app.get('/api/cases/:caseId/events', { schema: { tags: ['case-room'], params: Params, response: { 200: z.object({ items: z.array(CaseEvent) }), ...errors } } }, async (req) => {
    const a = await openCase(db, req, req.params.caseId, deps.now())
    enforce(decide(a.subject, 'public', 'list'))
    const { rows } = await db.query<EventRow>(`${SELECT} WHERE e.case_id = $1 ORDER BY COALESCE(e.occurs_at, e.created_at) DESC, e.id LIMIT 500`, [a.caseRow.id])
    return { items: rows.map(toEvent) }
  })

  app.post('/api/cases/:caseId/events', { schema: { tags: ['case-room'], params: Params, body: CaseEventCreate, response: { 201: CaseEvent, ...errors } } }, async (req, reply) => {
    const now = deps.now()
    const row = await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'public', 'edit'))
      const id = `evt-${randomUUID()}`
      const b = req.body
      await q.query(`INSERT INTO case_events (id, case_id, kind, title, body, occurs_at, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
        [id, a.caseRow.id, b.kind, b.title, b.body, b.occursAt ? new Date(b.occursAt) : null, a.auth.user.id, now])
      await q.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [a.caseRow.id, now])
      await auditFor(req, q, { action: 'case.event_create', targetType: 'event', targetId: id, caseId: a.caseRow.id, detail: { kind: b.kind, title: b.title } })
      await notify(q, {
        userIds: await membersWhoSee(q, a.caseRow.id, 'public', now, [a.auth.user.id]), kind: `case.event.${b.kind}`, caseId: a.caseRow.id,
        title: `案件 ${a.caseRow.number}：${KIND_ZH[b.kind]}`, body: b.title, link: appLink(deps.env, 'case-room', `/cases/${a.caseRow.id}/timeline`),
      })
      return (await eventRow(q, a.caseRow.id, id))!
    })
    return reply.code(201).send(toEvent(row))
  })

  app.patch('/api/cases/:caseId/events/:eventId', { schema: { tags: ['case-room'], params: EventParams, body: CaseEventUpdate, response: { 200: CaseEvent, ...errors } } }, async (req) => {
    const now = deps.now()
    const row = await db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      const ev = await eventRow(q, a.caseRow.id, req.params.eventId)
      if (!ev) throw notFound('Timeline entry not found')
      enforce(decide(a.subject, 'public', 'edit'))
      const b = req.body
      if (b.reached !== undefined && ev.kind !== 'milestone') throw new HttpError('validation_failed', 'Only milestones can be reached', [{ path: 'reached', code: 'not_milestone', message: 'Not a milestone' }])
      const reachedAt = b.reached === undefined ? ev.reached_at : b.reached ? (ev.reached_at ?? now) : null
      await q.query(
        `UPDATE case_events SET title = COALESCE($3, title), body = COALESCE($4, body), occurs_at = CASE WHEN $5 THEN $6::timestamptz ELSE occurs_at END,
           reached_at = $7, updated_at = $8 WHERE case_id = $1 AND id = $2`,
        [a.caseRow.id, ev.id, b.title ?? null, b.body ?? null, b.occursAt !== undefined, b.occursAt ? new Date(b.occursAt) : null, reachedAt, now],
      )
      if (b.reached && !ev.reached_at) {
        // Access bound to this milestone ends now; the next request of each such member is refused.
        const ended = await q.query<{ user_id: string }>(
          `UPDATE case_members SET expires_at = $3 WHERE case_id = $1 AND expiry_milestone_id = $2 AND status = 'active' AND (expires_at IS NULL OR expires_at > $3) RETURNING user_id`,
          [a.caseRow.id, ev.id, now])
        await auditFor(req, q, { action: 'case.milestone_reached', targetType: 'event', targetId: ev.id, caseId: a.caseRow.id, detail: { title: ev.title, accessEnded: ended.rows.map((r) => r.user_id) } })
        await notify(q, {
          userIds: await membersWhoSee(q, a.caseRow.id, 'public', now, [a.auth.user.id]), kind: 'case.milestone_reached', caseId: a.caseRow.id,
          title: `案件 ${a.caseRow.number}：里程碑已達成 Milestone reached`, body: ev.title, link: appLink(deps.env, 'case-room', `/cases/${a.caseRow.id}/timeline`),
        })
      } else {
        await auditFor(req, q, { action: 'case.event_update', targetType: 'event', targetId: ev.id, caseId: a.caseRow.id, detail: { ...b } })
      }
      return (await eventRow(q, a.caseRow.id, ev.id))!
    })
    return toEvent(row)
  })
}
