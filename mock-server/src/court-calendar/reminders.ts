import { addDays, type IsoDate } from '@suite/court-rules'
import type { HearingType, Role } from '@suite/domain'
import { appLink } from '../http/links'
import type { Db, Queryable } from '../db/db'
import type { Deps } from '../deps'
import { enqueue, type JobHandler } from '../jobs/queue'
import { notifyEach } from '../jobs/notify'
import { loadSubject } from '../cases/access'
import { courtAbilities } from './access'
import { reminderText, type DeadlineReminder, type HearingReminder } from './messages'
import { getSettings } from './settings'
import { hkDate, hkInstant, toHkIso } from './time'

/** Job kind of one reminder of one item. */
export const REMINDER_JOB = 'court.reminder'
/** `daysBefore` of the reminder sent when a deadline is still open after its date. */
export const OVERDUE = -1

interface ItemState {
  caseId: string
  date: IsoDate
  sequence: number
  active: boolean
  lawyerIds: string[]
}

async function itemState(q: Queryable, type: 'hearing' | 'deadline', id: string): Promise<ItemState | null> {
  if (type === 'hearing') {
    const r = (
      await q.query<{ case_id: string; starts_at: Date; sequence: number; status: string; lawyer_ids: string[] }>(
        'SELECT case_id, starts_at, sequence, status, lawyer_ids FROM court_hearings WHERE id = $1',
        [id],
      )
    ).rows[0]
    return r
      ? {
          caseId: r.case_id,
          date: hkDate(r.starts_at),
          sequence: r.sequence,
          active: r.status === 'scheduled',
          lawyerIds: r.lawyer_ids,
        }
      : null
  }
  const r = (
    await q.query<{ case_id: string; due_on: string; sequence: number; status: string; lawyer_ids: string[] }>(
      `SELECT case_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, sequence, status, lawyer_ids FROM court_deadlines WHERE id = $1`,
      [id],
    )
  ).rows[0]
  return r
    ? { caseId: r.case_id, date: r.due_on, sequence: r.sequence, active: r.status === 'open', lawyerIds: r.lawyer_ids }
    : null
}

/**
 * Schedule the configured reminders (7 days, 1 day and on the day at 08:00 by default) of an
 * item's current time, and for a deadline the "overdue" reminder the morning after its date
 * (at once when that has passed), which speaks only if the deadline is still open then. Each job carries the item's SEQUENCE: after the time moves, the old
 * jobs find a newer sequence and do nothing, and the new ones were scheduled here.
 */
export async function scheduleReminders(
  q: Queryable,
  type: 'hearing' | 'deadline',
  id: string,
  now: Date,
): Promise<number> {
  const item = await itemState(q, type, id)
  if (!item || !item.active) return 0
  const { reminders } = await getSettings(q)
  let n = 0
  for (const days of reminders.daysBefore) {
    const at = hkInstant(addDays(item.date, -days), reminders.at)
    if (at.getTime() <= now.getTime()) continue
    const jobId = await enqueue(
      q,
      REMINDER_JOB,
      { itemType: type, itemId: id, sequence: item.sequence, daysBefore: days },
      { runAt: at, dedupeKey: `court-reminder:${type}:${id}:s${item.sequence}:d${days}` },
    )
    if (jobId !== null) n++
  }
  if (type === 'deadline') {
    // Still open the morning after its date: an "overdue" reminder (at once when it is already past).
    const due = hkInstant(addDays(item.date, 1), reminders.at)
    const jobId = await enqueue(
      q,
      REMINDER_JOB,
      { itemType: type, itemId: id, sequence: item.sequence, daysBefore: OVERDUE },
      {
        runAt: due.getTime() > now.getTime() ? due : now,
        dedupeKey: `court-reminder:${type}:${id}:s${item.sequence}:overdue`,
      },
    )
    if (jobId !== null) n++
  }
  return n
}

/** The absolute link to an item in the court-calendar app. */
export function courtCalendarLink(deps: Pick<Deps, 'env'>, hashPath: string): string {
  return appLink(deps.env, 'court-calendar', hashPath)
}

/** What the reminder of an item names, read once for every language. */
async function reminderSubject(
  db: Db,
  type: 'hearing' | 'deadline',
  id: string,
): Promise<HearingReminder | DeadlineReminder> {
  if (type === 'hearing') {
    const h = (
      await db.query<{
        court_case_number: string
        court: string
        courtroom: string | null
        hearing_type: HearingType
        starts_at: Date
        judge: string | null
      }>(
        'SELECT court_case_number, court, courtroom, hearing_type, starts_at, judge FROM court_hearings WHERE id = $1',
        [id],
      )
    ).rows[0]!
    return {
      kind: 'hearing',
      courtCaseNumber: h.court_case_number,
      type: h.hearing_type,
      time: toHkIso(h.starts_at).slice(0, 16).replace('T', ' '),
      court: h.court,
      courtroom: h.courtroom,
      judge: h.judge,
    }
  }
  const d = (
    await db.query<{ number: string; title: string; due_on: string; citation: string | null }>(
      `SELECT c.number, d.title, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.citation FROM court_deadlines d JOIN cases c ON c.id = d.case_id
     WHERE d.id = $1`,
      [id],
    )
  ).rows[0]!
  return { kind: 'deadline', caseNumber: d.number, title: d.title, dueOn: d.due_on, citation: d.citation }
}

/** Sends one reminder as a DingTalk work notification to the item's lawyers who may still see it, each in their own language. */
export function reminderHandler(deps: Pick<Deps, 'env' | 'now'>): JobHandler {
  return async (job, { db }) => {
    const p = job.payload as { itemType: 'hearing' | 'deadline'; itemId: string; sequence: number; daysBefore: number }
    const item = await itemState(db, p.itemType, p.itemId)
    // Moved, cancelled or done since this reminder was scheduled: its successor (if any) will speak.
    if (!item || !item.active || item.sequence !== p.sequence) return
    const now = deps.now()
    const users = (
      await db.query<{ id: string; role: Role; active: boolean }>(
        'SELECT id, role, active FROM users WHERE id = ANY($1::text[]) AND active',
        [item.lawyerIds],
      )
    ).rows
    const userIds: string[] = []
    for (const u of users) if (courtAbilities(await loadSubject(db, item.caseId, u, now)).view) userIds.push(u.id)
    if (!userIds.length) return
    const subject = await reminderSubject(db, p.itemType, p.itemId)
    const link = courtCalendarLink(deps, `/${p.itemType === 'hearing' ? 'hearings' : 'deadlines'}/${p.itemId}`)
    await db.tx((q) =>
      notifyEach(q, {
        userIds,
        kind: 'court.reminder',
        text: (locale) => reminderText(locale, subject, p.daysBefore),
        link,
        caseId: item.caseId,
        dedupeKey: `court-reminder:${p.itemType}:${p.itemId}:s${p.sequence}:${p.daysBefore === OVERDUE ? 'overdue' : `d${p.daysBefore}`}`,
      }),
    )
  }
}
