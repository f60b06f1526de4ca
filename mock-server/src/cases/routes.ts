import { randomUUID } from 'node:crypto'
import { casesApi, decide, encodeCursor, visibleTiers, type CaseDetail } from '@suite/domain'
import type { App, Deps } from '../deps'
import { TimeIdCursor, readCursor } from '../http/cursor'
import { serve } from '../http/endpoint'
import { auditFor, requireRole, requireUser } from '../http/auth-context'
import { HttpError } from '../http/errors'
import { abilities, enforce, openCase, type CaseAccess } from '../case-room/guard'
import { findOfficeConverter } from '../case-room/office'
import { requireCaseStepUp } from '../case-room/step-up'
import { casesRepo, toCaseSummary } from './repo'

/** The case and what the caller may do in it. */
function toCaseDetail(a: CaseAccess, officeConversion: boolean): CaseDetail {
  const m = a.subject.membership!
  return {
    ...toCaseSummary(a.caseRow),
    me: {
      role: a.subject.role,
      status: m.status,
      tierCeiling: m.tierCeiling,
      internal: a.internal,
      visibleTiers: visibleTiers(a.subject),
      actions: abilities(a.subject),
    },
    officeConversion,
  }
}

/**
 * "My cases": only cases the caller is an active, unwalled, unexpired member of; one case
 * (404 for anyone who may not know it exists); a partner opens a case; status and the
 * "restrict to internal" switch.
 */
export async function caseRoutes(app: App, deps: Deps): Promise<void> {
  const officeConversion = findOfficeConverter() !== null
  const detail = async (req: Parameters<typeof openCase>[1], id: string, now: Date) =>
    toCaseDetail(await openCase(deps.db, req, id, now), officeConversion)

  serve(app, casesApi.list, async (req) => {
    const { user } = requireUser(req)
    const { limit, q, status } = req.query
    const rows = await casesRepo.listVisible(deps.db, {
      user,
      now: deps.now(),
      q,
      status,
      after: readCursor(req.query.cursor, TimeIdCursor),
      take: limit + 1,
    })
    const items = rows.slice(0, limit)
    const last = items[items.length - 1]
    return {
      items: items.map(toCaseSummary),
      nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.updated_at).toISOString(), last.id]) : null,
    }
  })

  serve(app, casesApi.get, async (req) => detail(req, req.params.caseId, deps.now()))

  serve(app, casesApi.create, async (req) => {
    const { user } = requireRole(req, ['partner'])
    const id = `case-${randomUUID()}`
    const now = deps.now()
    const b = req.body
    await deps.db.tx(async (q) => {
      if (await casesRepo.numberTaken(q, b.number)) {
        throw new HttpError('conflict', 'A case with this number already exists', [
          { path: 'number', code: 'taken', message: 'Case number already in use' },
        ])
      }
      await casesRepo.create(q, {
        id,
        orgId: user.org_id,
        number: b.number,
        title: b.title,
        clientName: b.clientName,
        createdBy: user.id,
        now,
      })
      await auditFor(req, q, {
        action: 'case.create',
        targetType: 'case',
        targetId: id,
        caseId: id,
        detail: { number: b.number },
      })
    })
    return detail(req, id, now)
  })

  serve(app, casesApi.update, async (req) => {
    const now = deps.now()
    await deps.db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'private', 'edit'))
      await casesRepo.update(q, a.caseRow.id, req.body, now)
      await auditFor(req, q, {
        action: 'case.update',
        targetType: 'case',
        targetId: a.caseRow.id,
        caseId: a.caseRow.id,
        detail: { ...req.body, previousStatus: a.caseRow.status },
      })
    })
    return detail(req, req.params.caseId, now)
  })

  // One step suspends every external member; only lifting it (re-admitting them) needs a step-up.
  serve(app, casesApi.restrict, async (req) => {
    const now = deps.now()
    const { restricted, reason } = req.body
    const pre = await openCase(deps.db, req, req.params.caseId, now)
    enforce(decide(pre.subject, 'restricted', 'revoke'))
    if (!restricted && pre.caseRow.restricted_to_internal) {
      await requireCaseStepUp(req, {
        action: 'case.readmit_externals',
        targetType: 'case',
        targetId: pre.caseRow.id,
        caseId: pre.caseRow.id,
      })
    }
    await deps.db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'restricted', 'revoke'))
      if (a.caseRow.restricted_to_internal === restricted) return
      await casesRepo.setRestricted(q, a.caseRow.id, restricted, now)
      await auditFor(req, q, {
        action: restricted ? 'case.restrict_to_internal' : 'case.readmit_externals',
        targetType: 'case',
        targetId: a.caseRow.id,
        caseId: a.caseRow.id,
        detail: { reason: reason ?? null },
      })
    })
    return detail(req, req.params.caseId, now)
  })
}
