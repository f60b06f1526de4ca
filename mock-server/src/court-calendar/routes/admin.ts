import { ADMIN_ROLES, courtCalendarApi as api } from '@suite/domain'
import { HolidayFileError, parseHolidayFile } from '@suite/court-rules'
import type { App, Deps } from '../../deps'
import { serve } from '../../http/endpoint'
import { auditFor, requireRole, requireUser } from '../../http/auth-context'
import { HttpError, notFound } from '../../http/errors'
import { declareClosure, listClosures, listHolidays, revokeClosure, storeHolidayImport } from '../calendar-data'
import { enqueueSyncOfAll } from '../changes'
import { recomputeSpan } from '../recompute'
import { getSettings, putSettings } from '../settings'
import { syncOverview } from '../sync'
import { listTemplates, setUpTemplates, templateVersions } from '../templates-store'

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
  serve(app, api.holidays, async (req) => {
    requireUser(req)
    return listHolidays(db)
  })

  serve(app, api.importHolidays, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    let file
    try {
      file = parseHolidayFile(req.body.text)
    } catch (e) {
      if (!(e instanceof HolidayFileError)) throw e
      throw new HttpError('validation_failed', `This is not the Government's holiday file: ${e.message}`, [
        { path: e.path ? `text.${e.path}` : 'text', code: 'invalid_holiday_file', message: e.message },
      ])
    }
    const now = deps.now()
    return db.tx(async (q) => {
      const stored = await storeHolidayImport(q, file, a.user.id)
      await auditFor(req, q, {
        action: 'court.holidays.import',
        targetType: 'court_holidays',
        targetId: String(stored.importId),
        detail: { years: file.years, count: file.holidays.length, prodId: file.prodId },
      })
      const r = await recomputeSpan(q, (ev) => auditFor(req, q, ev), now, stored.from, stored.to, 'holidays_imported')
      return { years: file.years, count: file.holidays.length, recomputed: r.recomputed }
    })
  })

  // ---- declared warning days ----
  serve(app, api.closures, async (req) => {
    requireUser(req)
    return { items: await listClosures(db) }
  })

  serve(app, api.declareClosure, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const now = deps.now()
    return db.tx(async (q) => {
      const closure = await declareClosure(
        q,
        { date: req.body.date, kind: req.body.kind, note: req.body.note ?? null },
        a.user.id,
        now,
      )
      await auditFor(req, q, {
        action: 'court.closure.declare',
        targetType: 'court_closure',
        targetId: closure.date,
        detail: { kind: closure.kind, note: closure.note },
      })
      const reason = `closure_declared:${closure.kind}:${closure.date}`
      const r = await recomputeSpan(q, (ev) => auditFor(req, q, ev), now, closure.date, closure.date, reason)
      return { closure, recomputed: r.recomputed, moved: r.moved }
    })
  })

  serve(app, api.revokeClosure, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const now = deps.now()
    return db.tx(async (q) => {
      const removed = await revokeClosure(q, req.params.date)
      if (!removed) throw notFound('No declaration on that date')
      await auditFor(req, q, {
        action: 'court.closure.revoke',
        targetType: 'court_closure',
        targetId: removed.date,
        detail: { kind: removed.kind },
      })
      const r = await recomputeSpan(
        q,
        (ev) => auditFor(req, q, ev),
        now,
        removed.date,
        removed.date,
        `closure_revoked:${removed.date}`,
      )
      return { closure: null, recomputed: r.recomputed, moved: r.moved }
    })
  })

  // ---- rule templates ----
  serve(app, api.listTemplates, async (req, reply) => {
    requireUser(req)
    reply.header('cache-control', 'no-cache')
    return { items: await listTemplates(db, { includeArchived: req.query.includeArchived === 'true' }) }
  })

  serve(app, api.templateVersions, async (req) => {
    requireUser(req)
    const items = await templateVersions(db, req.params.id)
    if (!items.length) throw notFound('No such rule template')
    return { items }
  })

  // ---- settings ----
  serve(app, api.settings, async (req) => {
    requireUser(req)
    return getSettings(db)
  })

  serve(app, api.saveSettings, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    await db.tx(async (q) => {
      const before = await getSettings(q)
      await putSettings(q, req.body, a.user.id, deps.now())
      await auditFor(req, q, {
        action: 'court.settings.update',
        targetType: 'court_settings',
        targetId: '1',
        detail: { before, after: req.body },
      })
    })
    return getSettings(db)
  })

  // ---- sync ----
  serve(app, api.sync, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return syncOverview(db, deps.now())
  })

  serve(app, api.resyncAll, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const now = deps.now()
    const queued = await db.tx(async (q) => {
      // Everything that should have events, and everything that has (or may have) one.
      const items = await enqueueSyncOfAll(q, now)
      await auditFor(req, q, { action: 'court.sync.resync', targetType: 'court_sync', detail: { items } })
      return items
    })
    return { queued }
  })
}
