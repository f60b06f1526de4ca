import { ADMIN_ROLES, CalculateRequest, CalculateResult, CourtAgenda, CourtAgendaQuery, CourtCalendarOptions, PeriodRule, isInternalRole } from '@suite/domain'
import { addDays, daysBetween } from '@suite/court-rules'
import type { App, Deps } from '../../deps'
import { requireUser } from '../../http/auth-context'
import { HttpError } from '../../http/errors'
import { loadSubject, visibleCaseSql } from '../../cases/access'
import { courtAbilities } from '../../court-calendar/access'
import { DEADLINE_SELECT, HEARING_SELECT, forViewer, loadSyncStates, toDeadline, toHearing, type DeadlineRow, type HearingRow } from '../../court-calendar/items'
import { findConflicts } from '../../court-calendar/conflicts'
import { loadCourtCalendar } from '../../court-calendar/calendar-data'
import { getSettings } from '../../court-calendar/settings'
import { getTemplate } from '../../court-calendar/templates-store'
import { workingFor } from '../../court-calendar/recompute'
import { hkInstant } from '../../court-calendar/time'
import { courtErrors } from './hearings'

const MAX_WINDOW_DAYS = 400

/** The agenda / week / month data, the filter options, and the deadline calculator. */
export async function courtAgendaRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  app.get('/api/court-calendar/agenda', { schema: { tags: ['court-calendar'], querystring: CourtAgendaQuery, response: { 200: CourtAgenda, ...courtErrors } } }, async (req) => {
    const { user } = requireUser(req)
    const { from, to, caseId, lawyerId, court, includeCancelled } = req.query
    if (to < from) throw new HttpError('validation_failed', 'The end of the window is before its start', [{ path: 'to', code: 'before_from', message: 'must not be before from' }])
    if (daysBetween(from, to) > MAX_WINDOW_DAYS) throw new HttpError('validation_failed', `A window of at most ${MAX_WINDOW_DAYS} days`, [{ path: 'to', code: 'too_wide', message: `at most ${MAX_WINDOW_DAYS} days after from` }])
    const now = deps.now()
    // Permission runs in SQL: only cases where the caller is an active, unwalled, unexpired member.
    const hp: unknown[] = [user.id, now, hkInstant(from), hkInstant(addDays(to, 1))]
    const hw = [visibleCaseSql({ c: 'c', m: 'm' }, user.role, 1, 2), 'h.starts_at >= $3', 'h.starts_at < $4']
    const dp: unknown[] = [user.id, now, from, to]
    const dw = [visibleCaseSql({ c: 'c', m: 'm' }, user.role, 1, 2), 'd.due_on >= $3::date', 'd.due_on <= $4::date']
    const both = (sqlH: string, sqlD: string, v: unknown) => { hp.push(v); hw.push(sqlH.replace('?', `$${hp.length}`)); dp.push(v); dw.push(sqlD.replace('?', `$${dp.length}`)) }
    if (caseId) both('h.case_id = ?', 'd.case_id = ?', caseId)
    if (lawyerId) both('? = ANY(h.lawyer_ids)', '? = ANY(d.lawyer_ids)', lawyerId)
    if (court) {
      const like = `%${court.replace(/[\\%_]/g, (x) => `\\${x}`)}%`
      // A deadline belongs to a court through the hearings of its case.
      both('h.court ILIKE ?', 'EXISTS (SELECT 1 FROM court_hearings ch WHERE ch.case_id = d.case_id AND ch.court ILIKE ?)', like)
    }
    if (!includeCancelled) { hw.push(`h.status = 'scheduled'`); dw.push(`d.status <> 'cancelled'`) }
    const hearingRows = (await db.query<HearingRow>(
      `${HEARING_SELECT} JOIN case_members m ON m.case_id = h.case_id WHERE ${hw.join(' AND ')} ORDER BY h.starts_at, h.id LIMIT 5000`, hp)).rows
    const deadlineRows = (await db.query<DeadlineRow>(
      `${DEADLINE_SELECT} JOIN case_members m ON m.case_id = d.case_id WHERE ${dw.join(' AND ')} ORDER BY d.due_on, d.id LIMIT 5000`, dp)).rows
    const hs = await loadSyncStates(db, 'hearing', hearingRows.map((r) => r.id))
    const ds = await loadSyncStates(db, 'deadline', deadlineRows.map((r) => r.id))
    const hearings = hearingRows.map((r) => forViewer(toHearing(r, hs.get(r.id)), user.role))
    const deadlines = deadlineRows.map((r) => forViewer(toDeadline(r, ds.get(r.id)), user.role))
    const settings = await getSettings(db)
    return { from, to, hearings, deadlines, conflicts: findConflicts(hearings, deadlines, settings.deadlineClusterThreshold) }
  })

  app.get('/api/court-calendar/options', { schema: { tags: ['court-calendar'], response: { 200: CourtCalendarOptions, ...courtErrors } } }, async (req) => {
    const { user } = requireUser(req)
    const now = deps.now()
    const cases = (await db.query<{ id: string; number: string; title: string }>(
      `SELECT c.id, c.number, c.title FROM cases c JOIN case_members m ON m.case_id = c.id WHERE ${visibleCaseSql({ c: 'c', m: 'm' }, user.role, 1, 2)} ORDER BY c.number`,
      [user.id, now])).rows
    const out: CourtCalendarOptions = { cases: [], lawyers: [], courts: [], isAdmin: ADMIN_ROLES.includes(user.role) }
    const lawyers = new Map<string, CourtCalendarOptions['lawyers'][number]>()
    for (const c of cases) {
      const a = courtAbilities(await loadSubject(db, c.id, user, now))
      if (!a.view) continue
      out.cases.push({ id: c.id as never, number: c.number, title: c.title, canEdit: a.edit })
      const members = (await db.query<{ id: string; name: string; role: 'partner'; active: boolean; dingtalk_union_id: string | null }>(
        `SELECT u.id, u.name, u.role, u.active, u.dingtalk_union_id FROM case_members m JOIN users u ON u.id = m.user_id WHERE m.case_id = $1 ORDER BY u.name`, [c.id])).rows
      for (const u of members) {
        if (!u.active || !isInternalRole(u.role) || !courtAbilities(await loadSubject(db, c.id, u, now)).view) continue
        const entry = lawyers.get(u.id) ?? { id: u.id as never, name: u.name, caseIds: [], hasDingTalk: Boolean(u.dingtalk_union_id) }
        entry.caseIds.push(c.id as never)
        lawyers.set(u.id, entry)
      }
    }
    out.lawyers = [...lawyers.values()]
    const ids = out.cases.map((c) => c.id)
    out.courts = ids.length
      ? (await db.query<{ court: string }>('SELECT DISTINCT court FROM court_hearings WHERE case_id = ANY($1::text[]) ORDER BY court', [ids])).rows.map((r) => r.court)
      : []
    return out
  })

  app.post('/api/court-calendar/calculate', { schema: { tags: ['court-calendar'], body: CalculateRequest, response: { 200: CalculateResult, ...courtErrors } } }, async (req) => {
    requireUser(req)
    const b = req.body
    let rule: PeriodRule
    let templateId: string | null = null
    let citation: string | null = null
    if ('templateId' in b) {
      const t = await getTemplate(db, b.templateId)
      if (!t || t.archived) throw new HttpError('validation_failed', 'No such rule template', [{ path: 'templateId', code: 'unknown_template', message: 'No such rule template' }])
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
