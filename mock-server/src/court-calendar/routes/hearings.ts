import { randomUUID } from 'node:crypto'
import { courtCalendarApi as api } from '@suite/domain'
import type { App, Deps } from '../../deps'
import { serve } from '../../http/endpoint'
import { auditFor, requireUser } from '../../http/auth-context'
import { HttpError } from '../../http/errors'
import { checkLawyers, openCourtCaseForEdit, openHearing } from '../access'
import { enqueueSync, itemChanged } from '../changes'
import { forViewer, loadHearing } from '../items'
import { recomputeDependents } from '../recompute'
import { hearingsRepo } from '../repo'
import { hkDate, toHkIso } from '../time'

/** Hearings: create, read, change (dependent deadlines follow a change of date), cancel, restore. */
export async function courtHearingRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  serve(app, api.getHearing, async (req) => {
    await openHearing(db, req, req.params.id, deps.now(), false)
    return forViewer((await loadHearing(db, req.params.id))!, requireUser(req).user.role)
  })

  serve(app, api.createHearing, async (req) => {
    const now = deps.now()
    const b = req.body
    const id = `hr-${randomUUID()}`
    await db.tx(async (q) => {
      const a = await openCourtCaseForEdit(q, req, b.caseId, now)
      const lawyerIds = b.lawyerIds ?? [a.auth.user.id]
      await checkLawyers(q, b.caseId, lawyerIds, now)
      await hearingsRepo.create(q, {
        id,
        caseId: b.caseId,
        courtCaseNumber: b.courtCaseNumber ?? a.caseRow.number,
        court: b.court,
        judge: b.judge ?? null,
        courtroom: b.courtroom ?? null,
        type: b.type,
        title: b.title ?? null,
        startsAt: new Date(b.startsAt),
        endsAt: b.endsAt ? new Date(b.endsAt) : null,
        lawyerIds,
        notes: b.notes ?? null,
        createdBy: a.auth.user.id,
        now,
      })
      await auditFor(req, q, {
        action: 'court.hearing.create',
        targetType: 'court_hearing',
        targetId: id,
        caseId: b.caseId,
        detail: { court: b.court, type: b.type, startsAt: b.startsAt },
      })
      await itemChanged(q, 'hearing', id, { timeChanged: true, now })
    })
    return (await loadHearing(db, id))!
  })

  serve(app, api.updateHearing, async (req) => {
    const now = deps.now()
    const b = req.body
    await db.tx(async (q) => {
      const h = await openHearing(q, req, req.params.id, now, true)
      if (h.status === 'cancelled')
        throw new HttpError('conflict', 'This hearing was cancelled; restore it before changing it')
      if (b.lawyerIds) await checkLawyers(q, h.case_id, b.lawyerIds, now)
      const startsAt = b.startsAt ? new Date(b.startsAt) : new Date(h.starts_at)
      const endsAt =
        b.endsAt === undefined ? (h.ends_at ? new Date(h.ends_at) : null) : b.endsAt ? new Date(b.endsAt) : null
      if (endsAt && endsAt <= startsAt) {
        const field = { path: 'endsAt', code: 'before_start', message: 'must be after the start' }
        throw new HttpError('validation_failed', 'The end must be after the start', [field])
      }
      const timeChanged =
        startsAt.getTime() !== new Date(h.starts_at).getTime() ||
        (endsAt?.getTime() ?? null) !== (h.ends_at ? new Date(h.ends_at).getTime() : null)
      await hearingsRepo.update(q, h.id, b, { startsAt, endsAt, timeChanged, now })
      await auditFor(req, q, {
        action: 'court.hearing.update',
        targetType: 'court_hearing',
        targetId: h.id,
        caseId: h.case_id,
        detail: {
          fields: Object.keys(b),
          ...(timeChanged ? { from: toHkIso(h.starts_at), to: toHkIso(startsAt) } : {}),
        },
      })
      await itemChanged(q, 'hearing', h.id, { timeChanged, now })
      if (hkDate(startsAt) !== hkDate(h.starts_at))
        await recomputeDependents(q, (ev) => auditFor(req, q, ev), now, 'hearing', h.id, 'hearing_moved')
    })
    return (await loadHearing(db, req.params.id))!
  })

  for (const action of ['cancel', 'restore'] as const) {
    serve(app, action === 'cancel' ? api.cancelHearing : api.restoreHearing, async (req) => {
      const now = deps.now()
      await db.tx(async (q) => {
        const h = await openHearing(q, req, req.params.id, now, true)
        const target = action === 'cancel' ? 'cancelled' : 'scheduled'
        if (h.status === target) return
        await hearingsRepo.setStatus(q, h.id, target, now)
        await auditFor(req, q, {
          action: `court.hearing.${action}`,
          targetType: 'court_hearing',
          targetId: h.id,
          caseId: h.case_id,
          detail: { startsAt: toHkIso(h.starts_at) },
        })
        await itemChanged(q, 'hearing', h.id, { timeChanged: action === 'restore', now })
        const reason = action === 'cancel' ? 'hearing_cancelled' : 'hearing_restored'
        await recomputeDependents(q, (ev) => auditFor(req, q, ev), now, 'hearing', h.id, reason)
      })
      return (await loadHearing(db, req.params.id))!
    })
  }

  serve(app, api.resyncHearing, async (req) => {
    await db.tx(async (q) => {
      const h = await openHearing(q, req, req.params.id, deps.now(), true)
      await enqueueSync(q, 'hearing', h.id, deps.now())
    })
    return { queued: true as const }
  })
}
