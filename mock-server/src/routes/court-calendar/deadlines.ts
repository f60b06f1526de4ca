import { randomUUID } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { Deadline, DeadlineCreate, DeadlinePatch, PeriodRule, TriggerCreate, TriggerEvent, TriggerListQuery, TriggerPatch } from '@suite/domain'
import type { App, Deps } from '../../deps'
import type { Queryable } from '../../db/db'
import { auditFor, requireUser } from '../../http/auth-context'
import { HttpError, notFound } from '../../http/errors'
import { checkLawyers, openCourtCase, openCourtCaseForEdit } from '../../court-calendar/access'
import { TRIGGER_SELECT, deadlineRow, forViewer, loadDeadline, toTrigger, triggerRow, type DeadlineRow, type TriggerRow } from '../../court-calendar/items'
import { enqueueSync, itemChanged } from '../../court-calendar/changes'
import { loadCourtCalendar } from '../../court-calendar/calendar-data'
import { resolveAnchor, workingFor } from '../../court-calendar/recompute'
import { getTemplate } from '../../court-calendar/templates-store'
import { courtErrors, moveDependents } from './hearings'

const Params = z.object({ id: z.string().min(1).max(64) })

const bad = (path: string, code: string, message: string) => new HttpError('validation_failed', message, [{ path, code, message }])

async function openDeadline(q: Queryable, req: FastifyRequest, id: string, now: Date, edit: boolean): Promise<DeadlineRow> {
  requireUser(req)
  const row = await deadlineRow(q, id)
  if (!row) throw notFound('Deadline not found')
  await (edit ? openCourtCaseForEdit : openCourtCase)(q, req, row.case_id, now)
  return row
}

async function openTrigger(q: Queryable, req: FastifyRequest, id: string, now: Date, edit: boolean): Promise<TriggerRow> {
  requireUser(req)
  const row = await triggerRow(q, id)
  if (!row) throw notFound('Trigger event not found')
  await (edit ? openCourtCaseForEdit : openCourtCase)(q, req, row.case_id, now)
  return row
}

/**
 * Deadlines (computed from a hearing, a trigger event, another deadline or a date by a rule
 * template or an explicit rule; or a fixed date) and trigger events. Moving an anchor moves
 * every dependent deadline, and the calendars follow.
 */
export async function courtDeadlineRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  app.get('/api/court-calendar/deadlines/:id', { schema: { tags: ['court-calendar'], params: Params, response: { 200: Deadline, ...courtErrors } } }, async (req) => {
    await openDeadline(db, req, req.params.id, deps.now(), false)
    return forViewer((await loadDeadline(db, req.params.id))!, requireUser(req).user.role)
  })

  app.post('/api/court-calendar/deadlines', { schema: { tags: ['court-calendar'], body: DeadlineCreate, response: { 201: Deadline, ...courtErrors } } }, async (req, reply) => {
    const now = deps.now()
    const b = req.body
    const id = `dl-${randomUUID()}`
    await db.tx(async (q) => {
      const a = await openCourtCaseForEdit(q, req, b.caseId, now)
      const lawyers = b.lawyerIds ?? [a.auth.user.id]
      await checkLawyers(q, b.caseId, lawyers, now)
      const common = [id, b.caseId, b.title, lawyers, b.notes ?? null, a.auth.user.id, now]
      if (b.kind === 'fixed') {
        await q.query(
          `INSERT INTO court_deadlines (id, case_id, title, lawyer_ids, notes, created_by, created_at, updated_at, kind, due_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'fixed', $8)`, [...common, b.dueOn])
      } else {
        const anchor = b.anchor
        const cols = { hearing: null as string | null, trigger: null as string | null, deadline: null as string | null, date: null as string | null }
        if (anchor.type === 'hearing') {
          const h = await q.query<{ case_id: string }>('SELECT case_id FROM court_hearings WHERE id = $1', [anchor.hearingId])
          if (h.rows[0]?.case_id !== b.caseId) throw bad('anchor.hearingId', 'not_in_case', 'No such hearing in this case')
          cols.hearing = anchor.hearingId
        } else if (anchor.type === 'trigger') {
          const t = await q.query<{ case_id: string }>('SELECT case_id FROM court_triggers WHERE id = $1', [anchor.triggerId])
          if (t.rows[0]?.case_id !== b.caseId) throw bad('anchor.triggerId', 'not_in_case', 'No such trigger event in this case')
          cols.trigger = anchor.triggerId
        } else if (anchor.type === 'deadline') {
          const d = await q.query<{ case_id: string }>('SELECT case_id FROM court_deadlines WHERE id = $1', [anchor.deadlineId])
          if (d.rows[0]?.case_id !== b.caseId) throw bad('anchor.deadlineId', 'not_in_case', 'No such deadline in this case')
          cols.deadline = anchor.deadlineId
        } else cols.date = anchor.date
        const state = await resolveAnchor(q, { anchor_type: anchor.type, anchor_hearing_id: cols.hearing, anchor_trigger_id: cols.trigger, anchor_deadline_id: cols.deadline, anchor_date: cols.date })
        if (state.cancelled || !state.date) throw bad('anchor', 'anchor_cancelled', 'The event this deadline would run from is cancelled')
        let rule: PeriodRule
        let citation: string | null = b.citation ?? null
        let templateVersion: number | null = null
        if (b.templateId) {
          const t = await getTemplate(q, b.templateId)
          if (!t || t.archived) throw bad('templateId', 'unknown_template', 'No such rule template')
          rule = PeriodRule.parse(t)
          citation = t.citation
          templateVersion = t.version
        } else rule = b.rule!
        const working = workingFor(rule, state.date, await loadCourtCalendar(q))
        await q.query(
          `INSERT INTO court_deadlines (id, case_id, title, lawyer_ids, notes, created_by, created_at, updated_at, kind, due_on, anchor_type,
             anchor_hearing_id, anchor_trigger_id, anchor_deadline_id, anchor_date, rule, template_id, template_version, citation, working)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'computed', $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17, $18::jsonb)`,
          [...common, working.deadline, anchor.type, cols.hearing, cols.trigger, cols.deadline, state.date, JSON.stringify(rule),
            b.templateId ?? null, templateVersion, citation, JSON.stringify(working)])
      }
      await auditFor(req, q, { action: 'court.deadline.create', targetType: 'court_deadline', targetId: id, caseId: b.caseId, detail: { kind: b.kind, title: b.title } })
      await itemChanged(q, 'deadline', id, { timeChanged: true, now })
    })
    return reply.code(201).send((await loadDeadline(db, id))!)
  })

  app.patch('/api/court-calendar/deadlines/:id', { schema: { tags: ['court-calendar'], params: Params, body: DeadlinePatch, response: { 200: Deadline, ...courtErrors } } }, async (req) => {
    const now = deps.now()
    const b = req.body
    await db.tx(async (q) => {
      const d = await openDeadline(q, req, req.params.id, now, true)
      if (d.status === 'cancelled') throw new HttpError('conflict', 'This deadline was cancelled')
      if (b.dueOn !== undefined && d.kind === 'computed' && b.dueOn !== d.due_on) {
        throw bad('dueOn', 'computed', 'A computed deadline follows its anchor: move the hearing or event it runs from')
      }
      if (b.lawyerIds) await checkLawyers(q, d.case_id, b.lawyerIds, now)
      const dueChanged = b.dueOn !== undefined && b.dueOn !== d.due_on
      const reopened = b.status === 'open' && d.status === 'done'
      await q.query(
        `UPDATE court_deadlines SET title = COALESCE($2, title), lawyer_ids = COALESCE($3, lawyer_ids), notes = CASE WHEN $4 THEN $5 ELSE notes END,
           due_on = COALESCE($6, due_on), status = COALESCE($7, status), sequence = sequence + CASE WHEN $8 THEN 1 ELSE 0 END, updated_at = $9 WHERE id = $1`,
        [d.id, b.title ?? null, b.lawyerIds ?? null, b.notes !== undefined, b.notes ?? null, b.dueOn ?? null, b.status ?? null, dueChanged || reopened, now])
      await auditFor(req, q, { action: 'court.deadline.update', targetType: 'court_deadline', targetId: d.id, caseId: d.case_id, detail: { fields: Object.keys(b), ...(dueChanged ? { from: d.due_on, to: b.dueOn } : {}) } })
      await itemChanged(q, 'deadline', d.id, { timeChanged: dueChanged || reopened, now })
      if (dueChanged) await moveDependents(q, req, now, 'deadline', d.id, 'deadline_moved')
    })
    return (await loadDeadline(db, req.params.id))!
  })

  app.post('/api/court-calendar/deadlines/:id/cancel', { schema: { tags: ['court-calendar'], params: Params, response: { 200: Deadline, ...courtErrors } } }, async (req) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const d = await openDeadline(q, req, req.params.id, now, true)
      if (d.status === 'cancelled') return
      await q.query(`UPDATE court_deadlines SET status = 'cancelled', sequence = sequence + 1, updated_at = $2 WHERE id = $1`, [d.id, now])
      await auditFor(req, q, { action: 'court.deadline.cancel', targetType: 'court_deadline', targetId: d.id, caseId: d.case_id, detail: { dueOn: d.due_on } })
      await itemChanged(q, 'deadline', d.id, { timeChanged: false, now })
      await moveDependents(q, req, now, 'deadline', d.id, 'deadline_cancelled')
    })
    return (await loadDeadline(db, req.params.id))!
  })

  app.post('/api/court-calendar/deadlines/:id/resync', { schema: { tags: ['court-calendar'], params: Params, response: { 202: z.object({ queued: z.literal(true) }), ...courtErrors } } }, async (req, reply) => {
    await db.tx(async (q) => {
      const d = await openDeadline(q, req, req.params.id, deps.now(), true)
      await enqueueSync(q, 'deadline', d.id, deps.now())
    })
    return reply.code(202).send({ queued: true as const })
  })

  // ---- trigger events ----

  app.get('/api/court-calendar/triggers', { schema: { tags: ['court-calendar'], querystring: TriggerListQuery, response: { 200: z.object({ items: z.array(TriggerEvent) }), ...courtErrors } } }, async (req) => {
    await openCourtCase(db, req, req.query.caseId, deps.now())
    const { rows } = await db.query<TriggerRow>(`${TRIGGER_SELECT} WHERE t.case_id = $1 ORDER BY t.occurred_on DESC, t.id`, [req.query.caseId])
    return { items: rows.map(toTrigger) }
  })

  app.post('/api/court-calendar/triggers', { schema: { tags: ['court-calendar'], body: TriggerCreate, response: { 201: TriggerEvent, ...courtErrors } } }, async (req, reply) => {
    const now = deps.now()
    const b = req.body
    const id = `tr-${randomUUID()}`
    await db.tx(async (q) => {
      const a = await openCourtCaseForEdit(q, req, b.caseId, now)
      await q.query('INSERT INTO court_triggers (id, case_id, kind, label, occurred_on, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)',
        [id, b.caseId, b.kind, b.label ?? null, b.occurredOn, a.auth.user.id, now])
      await auditFor(req, q, { action: 'court.trigger.create', targetType: 'court_trigger', targetId: id, caseId: b.caseId, detail: { kind: b.kind, occurredOn: b.occurredOn } })
    })
    return reply.code(201).send(toTrigger((await triggerRow(db, id))!))
  })

  app.patch('/api/court-calendar/triggers/:id', { schema: { tags: ['court-calendar'], params: Params, body: TriggerPatch, response: { 200: TriggerEvent, ...courtErrors } } }, async (req) => {
    const now = deps.now()
    const b = req.body
    await db.tx(async (q) => {
      const t = await openTrigger(q, req, req.params.id, now, true)
      if (t.status === 'cancelled') throw new HttpError('conflict', 'This trigger event was cancelled')
      await q.query('UPDATE court_triggers SET label = CASE WHEN $2 THEN $3 ELSE label END, occurred_on = COALESCE($4, occurred_on), updated_at = $5 WHERE id = $1',
        [t.id, b.label !== undefined, b.label ?? null, b.occurredOn ?? null, now])
      const moved = b.occurredOn !== undefined && b.occurredOn !== t.occurred_on
      await auditFor(req, q, { action: 'court.trigger.update', targetType: 'court_trigger', targetId: t.id, caseId: t.case_id, detail: { fields: Object.keys(b), ...(moved ? { from: t.occurred_on, to: b.occurredOn } : {}) } })
      if (moved) await moveDependents(q, req, now, 'trigger', t.id, 'trigger_moved')
    })
    return toTrigger((await triggerRow(db, req.params.id))!)
  })

  app.post('/api/court-calendar/triggers/:id/cancel', { schema: { tags: ['court-calendar'], params: Params, response: { 200: TriggerEvent, ...courtErrors } } }, async (req) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const t = await openTrigger(q, req, req.params.id, now, true)
      if (t.status === 'cancelled') return
      await q.query(`UPDATE court_triggers SET status = 'cancelled', updated_at = $2 WHERE id = $1`, [t.id, now])
      await auditFor(req, q, { action: 'court.trigger.cancel', targetType: 'court_trigger', targetId: t.id, caseId: t.case_id, detail: {} })
      await moveDependents(q, req, now, 'trigger', t.id, 'trigger_cancelled')
    })
    return toTrigger((await triggerRow(db, req.params.id))!)
  })
}
