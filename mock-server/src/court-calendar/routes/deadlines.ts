import { randomUUID } from 'node:crypto'
import { PeriodRule, courtCalendarApi as api, type DeadlineAnchor } from '@suite/domain'
import type { App, Deps } from '../../deps'
import type { Queryable } from '../../db/db'
import { serve } from '../../http/endpoint'
import { auditFor, requireUser } from '../../http/auth-context'
import { HttpError } from '../../http/errors'
import { checkLawyers, openCourtCase, openCourtCaseForEdit, openDeadline, openTrigger } from '../access'
import { enqueueSync, itemChanged } from '../changes'
import { loadCourtCalendar } from '../calendar-data'
import { forViewer, loadDeadline, toTrigger, triggerRow } from '../items'
import { recomputeDependents, resolveAnchor, workingFor } from '../recompute'
import { pastDueMessage } from '../messages'
import { anchorCaseOf, deadlinesRepo, triggersRepo, userLocale, type NewComputedDeadline } from '../repo'
import { hkDate } from '../time'
import { getTemplate } from '../templates-store'

const bad = (path: string, code: string, message: string) =>
  new HttpError('validation_failed', message, [{ path, code, message }])

const ANCHOR_FIELD = {
  hearing: ['hearingId', 'hearing'],
  trigger: ['triggerId', 'trigger event'],
  deadline: ['deadlineId', 'deadline'],
} as const

/** The columns of a computed deadline's anchor; an anchor in another case is refused. */
async function anchorColumns(
  q: Queryable,
  caseId: string,
  anchor: DeadlineAnchor,
): Promise<NewComputedDeadline['anchor'] & { date: string | null }> {
  const cols = {
    hearing: null as string | null,
    trigger: null as string | null,
    deadline: null as string | null,
    date: null as string | null,
  }
  if (anchor.type === 'date') return { ...cols, date: anchor.date }
  const id =
    anchor.type === 'hearing' ? anchor.hearingId : anchor.type === 'trigger' ? anchor.triggerId : anchor.deadlineId
  const [field, what] = ANCHOR_FIELD[anchor.type]
  if ((await anchorCaseOf(q, anchor.type, id)) !== caseId)
    throw bad(`anchor.${field}`, 'not_in_case', `No such ${what} in this case`)
  return { ...cols, [anchor.type]: id }
}

/**
 * Deadlines (computed from a hearing, a trigger event, another deadline or a date by a rule
 * template or an explicit rule; or a fixed date) and trigger events. Moving an anchor moves
 * every dependent deadline, and the calendars follow.
 */
export async function courtDeadlineRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  serve(app, api.getDeadline, async (req) => {
    await openDeadline(db, req, req.params.id, deps.now(), false)
    return forViewer((await loadDeadline(db, req.params.id))!, requireUser(req).user.role)
  })

  serve(app, api.createDeadline, async (req) => {
    const now = deps.now()
    const b = req.body
    const id = `dl-${randomUUID()}`
    await db.tx(async (q) => {
      const a = await openCourtCaseForEdit(q, req, b.caseId, now)
      const lawyerIds = b.lawyerIds ?? [a.auth.user.id]
      await checkLawyers(q, b.caseId, lawyerIds, now)
      const common = {
        id,
        caseId: b.caseId,
        title: b.title,
        lawyerIds,
        notes: b.notes ?? null,
        createdBy: a.auth.user.id,
        now,
      }
      // A date already past (Hong Kong time) is recorded only as the creator says: done, missed or open (overdue).
      const statusFor = async (dueOn: string) => {
        if (dueOn >= hkDate(now)) return 'open' as const
        if (!b.pastDue) {
          const message = pastDueMessage(await userLocale(q, a.auth.user.id), dueOn)
          throw bad(b.kind === 'fixed' ? 'dueOn' : 'pastDue', 'past_due', message)
        }
        return b.pastDue
      }
      if (b.kind === 'fixed') {
        await deadlinesRepo.createFixed(q, { ...common, dueOn: b.dueOn, status: await statusFor(b.dueOn) })
      } else {
        const { date, ...anchor } = await anchorColumns(q, b.caseId, b.anchor)
        const state = await resolveAnchor(q, {
          anchor_type: b.anchor.type,
          anchor_hearing_id: anchor.hearing,
          anchor_trigger_id: anchor.trigger,
          anchor_deadline_id: anchor.deadline,
          anchor_date: date,
        })
        if (state.cancelled || !state.date)
          throw bad('anchor', 'anchor_cancelled', 'The event this deadline would run from is cancelled')
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
        await deadlinesRepo.createComputed(q, {
          ...common,
          status: await statusFor(working.deadline),
          anchorType: b.anchor.type,
          anchor,
          anchorDate: state.date,
          rule,
          templateId: b.templateId ?? null,
          templateVersion,
          citation,
          working,
        })
      }
      await auditFor(req, q, {
        action: 'court.deadline.create',
        targetType: 'court_deadline',
        targetId: id,
        caseId: b.caseId,
        detail: { kind: b.kind, title: b.title, ...(b.pastDue ? { pastDue: b.pastDue } : {}) },
      })
      await itemChanged(q, 'deadline', id, { timeChanged: true, now })
    })
    return (await loadDeadline(db, id))!
  })

  serve(app, api.updateDeadline, async (req) => {
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
      const reopened = b.status === 'open' && d.status !== 'open'
      await deadlinesRepo.update(q, d.id, b, dueChanged || reopened, now)
      await auditFor(req, q, {
        action: 'court.deadline.update',
        targetType: 'court_deadline',
        targetId: d.id,
        caseId: d.case_id,
        detail: { fields: Object.keys(b), ...(dueChanged ? { from: d.due_on, to: b.dueOn } : {}) },
      })
      await itemChanged(q, 'deadline', d.id, { timeChanged: dueChanged || reopened, now })
      if (dueChanged)
        await recomputeDependents(q, (ev) => auditFor(req, q, ev), now, 'deadline', d.id, 'deadline_moved')
    })
    return (await loadDeadline(db, req.params.id))!
  })

  serve(app, api.cancelDeadline, async (req) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const d = await openDeadline(q, req, req.params.id, now, true)
      if (d.status === 'cancelled') return
      await deadlinesRepo.cancel(q, d.id, now)
      await auditFor(req, q, {
        action: 'court.deadline.cancel',
        targetType: 'court_deadline',
        targetId: d.id,
        caseId: d.case_id,
        detail: { dueOn: d.due_on },
      })
      await itemChanged(q, 'deadline', d.id, { timeChanged: false, now })
      await recomputeDependents(q, (ev) => auditFor(req, q, ev), now, 'deadline', d.id, 'deadline_cancelled')
    })
    return (await loadDeadline(db, req.params.id))!
  })

  serve(app, api.resyncDeadline, async (req) => {
    await db.tx(async (q) => {
      const d = await openDeadline(q, req, req.params.id, deps.now(), true)
      await enqueueSync(q, 'deadline', d.id, deps.now())
    })
    return { queued: true as const }
  })

  // ---- trigger events ----

  serve(app, api.listTriggers, async (req) => {
    await openCourtCase(db, req, req.query.caseId, deps.now())
    return { items: (await triggersRepo.listOfCase(db, req.query.caseId)).map(toTrigger) }
  })

  serve(app, api.createTrigger, async (req) => {
    const now = deps.now()
    const b = req.body
    const id = `tr-${randomUUID()}`
    await db.tx(async (q) => {
      const a = await openCourtCaseForEdit(q, req, b.caseId, now)
      await triggersRepo.create(q, id, b, a.auth.user.id, now)
      await auditFor(req, q, {
        action: 'court.trigger.create',
        targetType: 'court_trigger',
        targetId: id,
        caseId: b.caseId,
        detail: { kind: b.kind, occurredOn: b.occurredOn },
      })
    })
    return toTrigger((await triggerRow(db, id))!)
  })

  serve(app, api.updateTrigger, async (req) => {
    const now = deps.now()
    const b = req.body
    await db.tx(async (q) => {
      const t = await openTrigger(q, req, req.params.id, now, true)
      if (t.status === 'cancelled') throw new HttpError('conflict', 'This trigger event was cancelled')
      await triggersRepo.update(q, t.id, b, now)
      const moved = b.occurredOn !== undefined && b.occurredOn !== t.occurred_on
      await auditFor(req, q, {
        action: 'court.trigger.update',
        targetType: 'court_trigger',
        targetId: t.id,
        caseId: t.case_id,
        detail: { fields: Object.keys(b), ...(moved ? { from: t.occurred_on, to: b.occurredOn } : {}) },
      })
      if (moved) await recomputeDependents(q, (ev) => auditFor(req, q, ev), now, 'trigger', t.id, 'trigger_moved')
    })
    return toTrigger((await triggerRow(db, req.params.id))!)
  })

  serve(app, api.cancelTrigger, async (req) => {
    const now = deps.now()
    await db.tx(async (q) => {
      const t = await openTrigger(q, req, req.params.id, now, true)
      if (t.status === 'cancelled') return
      await triggersRepo.cancel(q, t.id, now)
      await auditFor(req, q, {
        action: 'court.trigger.cancel',
        targetType: 'court_trigger',
        targetId: t.id,
        caseId: t.case_id,
        detail: {},
      })
      await recomputeDependents(q, (ev) => auditFor(req, q, ev), now, 'trigger', t.id, 'trigger_cancelled')
    })
    return toTrigger((await triggerRow(db, req.params.id))!)
  })
}
