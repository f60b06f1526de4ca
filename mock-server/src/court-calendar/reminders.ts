import { addDays, type IsoDate } from '@suite/court-rules'
import type { Locale } from '@suite/domain'
import { appLink } from '../http/links'
import type { Db, Queryable } from '../db/db'
import type { Deps } from '../deps'
import { enqueue, type JobHandler } from '../jobs/queue'
import { notify } from '../jobs/notify'
import { loadSubject } from '../cases/access'
import { courtAbilities } from './access'
import { HEARING_TYPE_LABELS, WORDS } from './labels'
import { getSettings } from './settings'
import { hkDate, hkInstant, toHkIso } from './time'

/** Job kind of one reminder of one item. */
export const REMINDER_JOB = 'court.reminder'

interface ItemState { caseId: string; date: IsoDate; sequence: number; active: boolean; lawyerIds: string[] }

async function itemState(q: Queryable, type: 'hearing' | 'deadline', id: string): Promise<ItemState | null> {
  if (type === 'hearing') {
    const r = (await q.query<{ case_id: string; starts_at: Date; sequence: number; status: string; lawyer_ids: string[] }>(
      'SELECT case_id, starts_at, sequence, status, lawyer_ids FROM court_hearings WHERE id = $1', [id])).rows[0]
    return r ? { caseId: r.case_id, date: hkDate(r.starts_at), sequence: r.sequence, active: r.status === 'scheduled', lawyerIds: r.lawyer_ids } : null
  }
  const r = (await q.query<{ case_id: string; due_on: string; sequence: number; status: string; lawyer_ids: string[] }>(
    `SELECT case_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, sequence, status, lawyer_ids FROM court_deadlines WHERE id = $1`, [id])).rows[0]
  return r ? { caseId: r.case_id, date: r.due_on, sequence: r.sequence, active: r.status === 'open', lawyerIds: r.lawyer_ids } : null
}

/**
 * Schedule the configured reminders (7 days, 1 day and on the day at 08:00 by default) of an
 * item's current time. Each job carries the item's SEQUENCE: after the time moves, the old
 * jobs find a newer sequence and do nothing, and the new ones were scheduled here.
 */
export async function scheduleReminders(q: Queryable, type: 'hearing' | 'deadline', id: string, now: Date): Promise<number> {
  const item = await itemState(q, type, id)
  if (!item || !item.active) return 0
  const { reminders } = await getSettings(q)
  let n = 0
  for (const days of reminders.daysBefore) {
    const at = hkInstant(addDays(item.date, -days), reminders.at)
    if (at.getTime() <= now.getTime()) continue
    const jobId = await enqueue(q, REMINDER_JOB, { itemType: type, itemId: id, sequence: item.sequence, daysBefore: days },
      { runAt: at, dedupeKey: `court-reminder:${type}:${id}:s${item.sequence}:d${days}` })
    if (jobId !== null) n++
  }
  return n
}

/** The absolute link to an item in the court-calendar app. */
export function courtCalendarLink(deps: Pick<Deps, 'env'>, hashPath: string): string {
  return appLink(deps.env, 'court-calendar', hashPath)
}

async function message(db: Db, type: 'hearing' | 'deadline', id: string, locale: Locale, days: number): Promise<{ title: string; body: string }> {
  const w = WORDS[locale]
  if (type === 'hearing') {
    const h = (await db.query<{ number: string; court_case_number: string; court: string; courtroom: string | null; hearing_type: keyof typeof HEARING_TYPE_LABELS; starts_at: Date; judge: string | null }>(
      `SELECT c.number, h.court_case_number, h.court, h.courtroom, h.hearing_type, h.starts_at, h.judge FROM court_hearings h JOIN cases c ON c.id = h.case_id WHERE h.id = $1`, [id])).rows[0]!
    const when = toHkIso(h.starts_at).slice(0, 16).replace('T', ' ')
    return {
      title: `${w.reminder}: ${HEARING_TYPE_LABELS[h.hearing_type][locale]} ${w.inDays(days)}`,
      body: [`${h.court_case_number} · ${HEARING_TYPE_LABELS[h.hearing_type][locale]}`, `${when} · ${h.court}${h.courtroom ? ` ${w.courtroom} ${h.courtroom}` : ''}`, h.judge ? `${w.judge}: ${h.judge}` : ''].filter(Boolean).join('\n'),
    }
  }
  const d = (await db.query<{ number: string; title: string; due_on: string; citation: string | null }>(
    `SELECT c.number, d.title, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.citation FROM court_deadlines d JOIN cases c ON c.id = d.case_id WHERE d.id = $1`, [id])).rows[0]!
  return {
    title: `${w.reminder}: ${w.deadline} ${w.inDays(days)}`,
    body: [`${d.number} · ${d.title}`, `${w.due}: ${d.due_on}`, d.citation ? `${w.citation}: ${d.citation}` : ''].filter(Boolean).join('\n'),
  }
}

/** Sends one reminder as a DingTalk work notification to the item's lawyers, in each one's language. */
export function reminderHandler(deps: Pick<Deps, 'env' | 'now'>): JobHandler {
  return async (job, { db }) => {
    const p = job.payload as { itemType: 'hearing' | 'deadline'; itemId: string; sequence: number; daysBefore: number }
    const item = await itemState(db, p.itemType, p.itemId)
    // Moved, cancelled or done since this reminder was scheduled: its successor (if any) will speak.
    if (!item || !item.active || item.sequence !== p.sequence) return
    const now = deps.now()
    const users = (await db.query<{ id: string; role: 'partner'; active: boolean; locale: Locale }>(
      'SELECT id, role, active, locale FROM users WHERE id = ANY($1::text[]) AND active', [item.lawyerIds])).rows
    const byLocale = new Map<Locale, string[]>()
    for (const u of users) {
      if (!courtAbilities(await loadSubject(db, item.caseId, u, now)).view) continue
      byLocale.set(u.locale, [...(byLocale.get(u.locale) ?? []), u.id])
    }
    const link = courtCalendarLink(deps, `/${p.itemType === 'hearing' ? 'hearings' : 'deadlines'}/${p.itemId}`)
    for (const [locale, userIds] of byLocale) {
      const m = await message(db, p.itemType, p.itemId, locale, p.daysBefore)
      await db.tx((q) => notify(q, {
        userIds, kind: 'court.reminder', title: m.title, body: m.body, link, caseId: item.caseId,
        dedupeKey: `court-reminder:${p.itemType}:${p.itemId}:s${p.sequence}:d${p.daysBefore}:${locale}`,
      }))
    }
  }
}
