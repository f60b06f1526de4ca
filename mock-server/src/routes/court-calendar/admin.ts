import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  ADMIN_ROLES, CourtCalendarSettings, CourtClosure, CourtClosureInput, CourtClosureResult, CourtHolidayList, HolidayImportRequest,
  HolidayImportResult, IsoDate, RuleTemplate, RuleTemplateKey, SyncOverview, type SyncState,
} from '@suite/domain'
import { HolidayFileError, parseHolidayFile } from '@suite/court-rules'
import type { App, Deps } from '../../deps'
import type { Queryable } from '../../db/db'
import { auditFor, requireRole, requireUser } from '../../http/auth-context'
import { HttpError, notFound } from '../../http/errors'
import { declareClosure, listClosures, listHolidays, loadCourtCalendar, revokeClosure, storeHolidayImport } from '../../court-calendar/calendar-data'
import { deadlinesSpanning, recomputeDeadlines } from '../../court-calendar/recompute'
import { getSettings, putSettings } from '../../court-calendar/settings'
import { listTemplates, setUpTemplates, templateVersions } from '../../court-calendar/templates-store'
import { SYNC_JOB, enqueueSync } from '../../court-calendar/changes'
import { callsThisMonth } from '../../court-calendar/sync'
import { hkMonth } from '../../court-calendar/time'
import { courtErrors } from './hearings'

const TemplateParams = z.object({ id: RuleTemplateKey })
const DateParams = z.object({ date: IsoDate })

/** Recompute the open deadlines whose period touches [from, to]; returns how many were looked at and which moved. */
async function recomputeSpan(q: Queryable, req: FastifyRequest, now: Date, from: string, to: string, reason: string) {
  const ids = await deadlinesSpanning(q, from, to)
  const calendar = await loadCourtCalendar(q)
  const moved = await recomputeDeadlines({ q, calendar, now, reason, audit: (ev) => auditFor(req, q, ev) }, ids)
  return { recomputed: ids.length, moved }
}

/**
 * Administration of the court calendar (IT administrator, compliance officer): the holiday
 * import, declared gale / black rainstorm days (every affected deadline is recomputed), settings,
 * and the sync's state and quota. Rule templates are read here; they are low-code documents
 * (`court_rule_template/<id>`) that administrators change in the admin app, publishing with a
 * step-up, and every request reads the running version, so a publication needs no redeploy.
 */
export async function courtAdminRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps
  await db.tx((q) => setUpTemplates(q, deps.now()))

  // ---- holidays ----
  app.get('/api/court-calendar/holidays', { schema: { tags: ['court-calendar'], response: { 200: CourtHolidayList, ...courtErrors } } }, async (req) => {
    requireUser(req)
    return listHolidays(db)
  })

  app.post('/api/court-calendar/holidays/import', { schema: { tags: ['court-calendar'], body: HolidayImportRequest, response: { 200: HolidayImportResult, ...courtErrors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    let file
    try {
      file = parseHolidayFile(req.body.text)
    } catch (e) {
      if (!(e instanceof HolidayFileError)) throw e
      throw new HttpError('validation_failed', `This is not the Government's holiday file: ${e.message}`, [{ path: e.path ? `text.${e.path}` : 'text', code: 'invalid_holiday_file', message: e.message }])
    }
    const now = deps.now()
    return db.tx(async (q) => {
      const stored = await storeHolidayImport(q, file, a.user.id)
      await auditFor(req, q, { action: 'court.holidays.import', targetType: 'court_holidays', targetId: String(stored.importId), detail: { years: file.years, count: file.holidays.length, prodId: file.prodId } })
      const r = await recomputeSpan(q, req, now, stored.from, stored.to, 'holidays_imported')
      return { years: file.years, count: file.holidays.length, recomputed: r.recomputed }
    })
  })

  // ---- declared warning days ----
  app.get('/api/court-calendar/closures', { schema: { tags: ['court-calendar'], response: { 200: z.object({ items: z.array(CourtClosure) }), ...courtErrors } } }, async (req) => {
    requireUser(req)
    return { items: await listClosures(db) }
  })

  app.post('/api/court-calendar/closures', { schema: { tags: ['court-calendar'], body: CourtClosureInput, response: { 200: CourtClosureResult, ...courtErrors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const now = deps.now()
    return db.tx(async (q) => {
      const closure = await declareClosure(q, { date: req.body.date, kind: req.body.kind, note: req.body.note ?? null }, a.user.id, now)
      await auditFor(req, q, { action: 'court.closure.declare', targetType: 'court_closure', targetId: closure.date, detail: { kind: closure.kind, note: closure.note } })
      const r = await recomputeSpan(q, req, now, closure.date, closure.date, `closure_declared:${closure.kind}:${closure.date}`)
      return { closure, recomputed: r.recomputed, moved: r.moved as never[] }
    })
  })

  app.delete('/api/court-calendar/closures/:date', { schema: { tags: ['court-calendar'], params: DateParams, response: { 200: CourtClosureResult, ...courtErrors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const now = deps.now()
    return db.tx(async (q) => {
      const removed = await revokeClosure(q, req.params.date)
      if (!removed) throw notFound('No declaration on that date')
      await auditFor(req, q, { action: 'court.closure.revoke', targetType: 'court_closure', targetId: removed.date, detail: { kind: removed.kind } })
      const r = await recomputeSpan(q, req, now, removed.date, removed.date, `closure_revoked:${removed.date}`)
      return { closure: null, recomputed: r.recomputed, moved: r.moved as never[] }
    })
  })

  // ---- rule templates ----
  app.get('/api/court-calendar/rule-templates', {
    schema: { tags: ['court-calendar'], querystring: z.object({ includeArchived: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(RuleTemplate) }), ...courtErrors } },
  }, async (req, reply) => {
    requireUser(req)
    reply.header('cache-control', 'no-cache')
    return { items: await listTemplates(db, { includeArchived: req.query.includeArchived === 'true' }) }
  })

  app.get('/api/court-calendar/rule-templates/:id/versions', { schema: { tags: ['court-calendar'], params: TemplateParams, response: { 200: z.object({ items: z.array(RuleTemplate) }), ...courtErrors } } }, async (req) => {
    requireUser(req)
    const items = await templateVersions(db, req.params.id)
    if (!items.length) throw notFound('No such rule template')
    return { items }
  })

  // ---- settings ----
  app.get('/api/court-calendar/settings', { schema: { tags: ['court-calendar'], response: { 200: CourtCalendarSettings, ...courtErrors } } }, async (req) => {
    requireUser(req)
    return getSettings(db)
  })

  app.put('/api/court-calendar/settings', { schema: { tags: ['court-calendar'], body: CourtCalendarSettings, response: { 200: CourtCalendarSettings, ...courtErrors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    await db.tx(async (q) => {
      const before = await getSettings(q)
      await putSettings(q, req.body, a.user.id, deps.now())
      await auditFor(req, q, { action: 'court.settings.update', targetType: 'court_settings', targetId: '1', detail: { before, after: req.body } })
    })
    return getSettings(db)
  })

  // ---- sync ----
  app.get('/api/court-calendar/sync', { schema: { tags: ['court-calendar'], response: { 200: SyncOverview, ...courtErrors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const now = deps.now()
    const counts: Record<SyncState, number> = { pending: 0, synced: 0, error: 0, deleted: 0, skipped: 0 }
    for (const r of (await db.query<{ state: SyncState; n: number }>('SELECT state, count(*)::int AS n FROM court_sync_events GROUP BY state')).rows) counts[r.state] = r.n
    const queued = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = $1 AND status IN ('queued','running')`, [SYNC_JOB])).rows[0]!.n
    return { month: hkMonth(now), callsUsed: await callsThisMonth(db, now), monthlyBudget: (await getSettings(db)).monthlyCallBudget, counts, queuedJobs: queued }
  })

  app.post('/api/court-calendar/sync/resync', { schema: { tags: ['court-calendar'], response: { 202: z.object({ queued: z.number().int() }), ...courtErrors } } }, async (req, reply) => {
    requireRole(req, ADMIN_ROLES)
    const now = deps.now()
    const queued = await db.tx(async (q) => {
      // Everything that should have events, and everything that has (or may have) one.
      const { rows } = await q.query<{ item_type: 'hearing' | 'deadline'; item_id: string }>(
        `SELECT 'hearing' AS item_type, id AS item_id FROM court_hearings WHERE status = 'scheduled'
         UNION SELECT 'deadline', id FROM court_deadlines WHERE status <> 'cancelled'
         UNION SELECT item_type, item_id FROM court_sync_events WHERE event_id IS NOT NULL OR client_token IS NOT NULL OR state IN ('pending','error')`)
      for (const r of rows) await enqueueSync(q, r.item_type, r.item_id, now)
      await auditFor(req, q, { action: 'court.sync.resync', targetType: 'court_sync', detail: { items: rows.length } })
      return rows.length
    })
    return reply.code(202).send({ queued })
  })
}
