import {
  ADMIN_ROLES,
  PeriodRule,
  courtCalendarApi as api,
  isInternalRole,
  type CourtCalendarOptions,
} from '@suite/domain'
import { addDays, daysBetween } from '@suite/court-rules'
import type { App, Deps } from '../../deps'
import { serve } from '../../http/endpoint'
import { requireUser } from '../../http/auth-context'
import { HttpError } from '../../http/errors'
import { loadSubject } from '../../cases/access'
import { courtAbilities } from '../access'
import { forViewer, loadSyncStates, toDeadline, toHearing } from '../items'
import { findConflicts } from '../conflicts'
import { loadCourtCalendar } from '../calendar-data'
import { getSettings } from '../settings'
import { getTemplate } from '../templates-store'
import { workingFor } from '../recompute'
import { agendaRepo } from '../repo'
import { hkDate, hkInstant } from '../time'

const MAX_WINDOW_DAYS = 400

/** A 400 naming the field at fault. */
const invalid = (message: string, path: string, code: string, detail: string) =>
  new HttpError('validation_failed', message, [{ path, code, message: detail }])

/** The agenda / week / month data, the filter options, and the deadline calculator. */
export async function courtAgendaRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  serve(app, api.agenda, async (req) => {
    const { user } = requireUser(req)
    const { from, to, caseId, lawyerId, court, includeCancelled } = req.query
    if (to < from)
      throw invalid('The end of the window is before its start', 'to', 'before_from', 'must not be before from')
    if (daysBetween(from, to) > MAX_WINDOW_DAYS) {
      throw invalid(
        `A window of at most ${MAX_WINDOW_DAYS} days`,
        'to',
        'too_wide',
        `at most ${MAX_WINDOW_DAYS} days after from`,
      )
    }
    // Permission runs in SQL: only cases where the caller is an active, unwalled, unexpired member.
    const rows = await agendaRepo.window(db, {
      user,
      now: deps.now(),
      from,
      to,
      today: hkDate(deps.now()),
      startsAt: hkInstant(from),
      endsBefore: hkInstant(addDays(to, 1)),
      caseId,
      lawyerId,
      court,
      includeCancelled,
    })
    const hs = await loadSyncStates(
      db,
      'hearing',
      rows.hearings.map((r) => r.id),
    )
    const ds = await loadSyncStates(
      db,
      'deadline',
      [...rows.deadlines, ...rows.overdue].map((r) => r.id),
    )
    const hearings = rows.hearings.map((r) => forViewer(toHearing(r, hs.get(r.id)), user.role))
    const deadlines = rows.deadlines.map((r) => forViewer(toDeadline(r, ds.get(r.id)), user.role))
    const overdue = rows.overdue.map((r) => forViewer(toDeadline(r, ds.get(r.id)), user.role))
    const settings = await getSettings(db)
    return {
      from,
      to,
      hearings,
      deadlines,
      overdue,
      conflicts: findConflicts(hearings, deadlines, settings.deadlineClusterThreshold),
    }
  })

  serve(app, api.options, async (req) => {
    const { user } = requireUser(req)
    const now = deps.now()
    const out: CourtCalendarOptions = { cases: [], lawyers: [], courts: [], isAdmin: ADMIN_ROLES.includes(user.role) }
    const lawyers = new Map<string, CourtCalendarOptions['lawyers'][number]>()
    for (const c of await agendaRepo.visibleCases(db, user, now)) {
      const a = courtAbilities(await loadSubject(db, c.id, user, now))
      if (!a.view) continue
      out.cases.push({ id: c.id as never, number: c.number, title: c.title, canEdit: a.edit })
      for (const u of await agendaRepo.caseMembers(db, c.id)) {
        if (!u.active || !isInternalRole(u.role) || !courtAbilities(await loadSubject(db, c.id, u, now)).view) continue
        const entry = lawyers.get(u.id) ?? {
          id: u.id as never,
          name: u.name,
          caseIds: [],
          hasDingTalk: Boolean(u.dingtalk_union_id),
        }
        entry.caseIds.push(c.id as never)
        lawyers.set(u.id, entry)
      }
    }
    out.lawyers = [...lawyers.values()]
    out.courts = await agendaRepo.courtsOf(
      db,
      out.cases.map((c) => c.id),
    )
    return out
  })

  serve(app, api.calculate, async (req) => {
    requireUser(req)
    const b = req.body
    let rule: PeriodRule
    let templateId: string | null = null
    let citation: string | null = null
    if ('templateId' in b) {
      const t = await getTemplate(db, b.templateId)
      if (!t || t.archived)
        throw invalid('No such rule template', 'templateId', 'unknown_template', 'No such rule template')
      rule = PeriodRule.parse(t)
      templateId = t.id
      citation = t.citation
    } else {
      rule = PeriodRule.parse(b)
    }
    const working = workingFor(rule, b.from, await loadCourtCalendar(db))
    return { ...working, from: b.from, rule, templateId, citation }
  })
}
