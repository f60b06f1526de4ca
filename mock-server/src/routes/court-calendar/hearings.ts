import { randomUUID } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { ErrorBody, Hearing, HearingCreate, HearingPatch } from '@suite/domain'
import type { App, Deps } from '../../deps'
import type { Queryable } from '../../db/db'
import { auditFor, requireUser } from '../../http/auth-context'
import { HttpError, notFound } from '../../http/errors'
import { checkLawyers, openCourtCase, openCourtCaseForEdit } from '../../court-calendar/access'
import { forViewer, hearingRow, loadHearing, type HearingRow } from '../../court-calendar/items'
import { enqueueSync, itemChanged } from '../../court-calendar/changes'
import { loadCourtCalendar } from '../../court-calendar/calendar-data'
import { dependentsOf, recomputeDeadlines } from '../../court-calendar/recompute'
import { hkDate, toHkIso } from '../../court-calendar/time'

const Params = z.object({ id: z.string().min(1).max(64) })
export const courtErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** A hearing the caller may see (404 otherwise), with their access to its case. */
export async function openHearing(q: Queryable, req: FastifyRequest, id: string, now: Date, edit: boolean): Promise<HearingRow> {
  // Who is asking comes first: an anonymous caller must not learn which ids exist.
  requireUser(req)
  const row = await hearingRow(q, id)
  if (!row) throw notFound('Hearing not found')
  await (edit ? openCourtCaseForEdit : openCourtCase)(q, req, row.case_id, now)
  return row
}

/** Recompute every deadline that runs from a hearing, on behalf of the request's caller. */
export async function moveDependents(q: Queryable, req: FastifyRequest, now: Date, type: 'hearing' | 'trigger' | 'deadline', id: string, reason: string): Promise<string[]> {
  const ids = await dependentsOf(q, type, id)
  if (!ids.length) return []
  const calendar = await loadCourtCalendar(q)
  return recomputeDeadlines({ q, calendar, now, reason, audit: (ev) => auditFor(req, q, ev) }, ids)
}

/** Hearings: create, read, change (dependent deadlines follow a change of date), cancel, restore. */
export async function courtHearingRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  app.get('/api/court-calendar/hearings/:id', { schema: { tags: ['court-calendar'], params: Params, response: { 200: Hearing, ...courtErrors } } }, async (req) => {
    await openHearing(db, req, req.params.id, deps.now(), false)
    return forViewer((await loadHearing(db, req.params.id))!, requireUser(req).user.role)
  })

  app.post('/api/court-calendar/hearings', { schema: { tags: ['court-calendar'], body: HearingCreate, response: { 201: Hearing, ...courtErrors } } }, async (req, reply) => {
    const now = deps.now()
    const b = req.body
    const id = `hr-${randomUUID()}`
    await db.tx(async (q) => {
      const a = await openCourtCaseForEdit(q, req, b.caseId, now)
      const lawyers = b.lawyerIds ?? [a.auth.user.id]
      await checkLawyers(q, b.caseId, lawyers, now)
      await q.query(
        `INSERT INTO court_hearings (id, case_id, court_case_number, court, judge, courtroom, hearing_type, title, starts_at, ends_at, lawyer_ids, notes, source, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'manual', $13, $14, $14)`,
        [id, b.caseId, b.courtCaseNumber ?? a.caseRow.number, b.court, b.judge ?? null, b.courtroom ?? null, b.type, b.title ?? null,
          new Date(b.startsAt), b.endsAt ? new Date(b.endsAt) : null, lawyers, b.notes ?? null, a.auth.user.id, now])
      await auditFor(req, q, { action: 'court.hearing.create', targetType: 'court_hearing', targetId: id, caseId: b.caseId, detail: { court: b.court, type: b.type, startsAt: b.startsAt } })
      await itemChanged(q, 'hearing', id, { timeChanged: true, now })
    })
    return reply.code(201).send((await loadHearing(db, id))!)
  })

  app.patch('/api/court-calendar/hearings/:id', { schema: { tags: ['court-calendar'], params: Params, body: HearingPatch, response: { 200: Hearing, ...courtErrors } } }, async (req) => {
    const now = deps.now()
    const b = req.body
    await db.tx(async (q) => {
      const h = await openHearing(q, req, req.params.id, now, true)
      if (h.status === 'cancelled') throw new HttpError('conflict', 'This hearing was cancelled; restore it before changing it')
      if (b.lawyerIds) await checkLawyers(q, h.case_id, b.lawyerIds, now)
      const startsAt = b.startsAt ? new Date(b.startsAt) : new Date(h.starts_at)
      const endsAt = b.endsAt === undefined ? (h.ends_at ? new Date(h.ends_at) : null) : b.endsAt ? new Date(b.endsAt) : null
      if (endsAt && endsAt <= startsAt) throw new HttpError('validation_failed', 'The end must be after the start', [{ path: 'endsAt', code: 'before_start', message: 'must be after the start' }])
      const timeChanged = startsAt.getTime() !== new Date(h.starts_at).getTime() || (endsAt?.getTime() ?? null) !== (h.ends_at ? new Date(h.ends_at).getTime() : null)
      await q.query(
        `UPDATE court_hearings SET court_case_number = COALESCE($2, court_case_number), court = COALESCE($3, court),
           judge = CASE WHEN $4 THEN $5 ELSE judge END, courtroom = CASE WHEN $6 THEN $7 ELSE courtroom END,
           hearing_type = COALESCE($8, hearing_type), title = CASE WHEN $9 THEN $10 ELSE title END, starts_at = $11, ends_at = $12,
           lawyer_ids = COALESCE($13, lawyer_ids), notes = CASE WHEN $14 THEN $15 ELSE notes END,
           sequence = sequence + CASE WHEN $16 THEN 1 ELSE 0 END, updated_at = $17 WHERE id = $1`,
        [h.id, b.courtCaseNumber ?? null, b.court ?? null, b.judge !== undefined, b.judge ?? null, b.courtroom !== undefined, b.courtroom ?? null,
          b.type ?? null, b.title !== undefined, b.title ?? null, startsAt, endsAt, b.lawyerIds ?? null, b.notes !== undefined, b.notes ?? null, timeChanged, now])
      await auditFor(req, q, {
        action: 'court.hearing.update', targetType: 'court_hearing', targetId: h.id, caseId: h.case_id,
        detail: { fields: Object.keys(b), ...(timeChanged ? { from: toHkIso(h.starts_at), to: toHkIso(startsAt) } : {}) },
      })
      await itemChanged(q, 'hearing', h.id, { timeChanged, now })
      if (hkDate(startsAt) !== hkDate(h.starts_at)) await moveDependents(q, req, now, 'hearing', h.id, 'hearing_moved')
    })
    return (await loadHearing(db, req.params.id))!
  })

  for (const action of ['cancel', 'restore'] as const) {
    app.post(`/api/court-calendar/hearings/:id/${action}`, { schema: { tags: ['court-calendar'], params: Params, response: { 200: Hearing, ...courtErrors } } }, async (req) => {
      const now = deps.now()
      await db.tx(async (q) => {
        const h = await openHearing(q, req, req.params.id, now, true)
        const target = action === 'cancel' ? 'cancelled' : 'scheduled'
        if (h.status === target) return
        await q.query('UPDATE court_hearings SET status = $2, sequence = sequence + 1, updated_at = $3 WHERE id = $1', [h.id, target, now])
        await auditFor(req, q, { action: `court.hearing.${action}`, targetType: 'court_hearing', targetId: h.id, caseId: h.case_id, detail: { startsAt: toHkIso(h.starts_at) } })
        await itemChanged(q, 'hearing', h.id, { timeChanged: action === 'restore', now })
        await moveDependents(q, req, now, 'hearing', h.id, action === 'cancel' ? 'hearing_cancelled' : 'hearing_restored')
      })
      return (await loadHearing(db, req.params.id))!
    })
  }

  app.post('/api/court-calendar/hearings/:id/resync', { schema: { tags: ['court-calendar'], params: Params, response: { 202: z.object({ queued: z.literal(true) }), ...courtErrors } } }, async (req, reply) => {
    await db.tx(async (q) => {
      const h = await openHearing(q, req, req.params.id, deps.now(), true)
      await enqueueSync(q, 'hearing', h.id, deps.now())
    })
    return reply.code(202).send({ queued: true as const })
  })
}
