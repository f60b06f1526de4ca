import { addDays, addMonths, dateRange, hongKongDateOf, weekday, type IsoDate } from '@suite/court-rules'
import type { CourtAgenda, CourtConflict, Deadline, Hearing } from '@suite/domain'

/** The three ways of looking at the calendar. */
export const VIEWS = ['agenda', 'week', 'month'] as const
export type CalendarView = (typeof VIEWS)[number]

/** Days the agenda view shows from its anchor. */
export const AGENDA_DAYS = 28

/** Today in Hong Kong, whatever the device's zone. */
export const todayInHongKong = (now: Date): IsoDate => hongKongDateOf(now)

/** Monday of the week a date falls in (Hong Kong weeks start on Monday in court practice). */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7))
}

/** The weeks (Monday first) covering the month of `date`, as rows of seven dates. */
export function monthGrid(date: IsoDate): IsoDate[][] {
  const first = `${date.slice(0, 7)}-01`
  const last = addDays(addMonths(first, 1), -1)
  const days = dateRange(weekStart(first), addDays(weekStart(last), 6))
  const rows: IsoDate[][] = []
  for (let i = 0; i < days.length; i += 7) rows.push(days.slice(i, i + 7))
  return rows
}

/** The window a view shows around its anchor date. */
export function viewRange(view: CalendarView, anchor: IsoDate): { from: IsoDate; to: IsoDate } {
  if (view === 'agenda') return { from: anchor, to: addDays(anchor, AGENDA_DAYS - 1) }
  if (view === 'week') return { from: weekStart(anchor), to: addDays(weekStart(anchor), 6) }
  const rows = monthGrid(anchor)
  return { from: rows[0]![0]!, to: rows[rows.length - 1]![6]! }
}

/** The anchor one step back (-1) or forward (+1) in a view. */
export function shiftAnchor(view: CalendarView, anchor: IsoDate, step: -1 | 1): IsoDate {
  if (view === 'agenda') return addDays(anchor, step * AGENDA_DAYS)
  if (view === 'week') return addDays(weekStart(anchor), step * 7)
  return addMonths(`${anchor.slice(0, 7)}-01`, step)
}

/** One day's items, hearings by time. */
export interface DayItems {
  date: IsoDate
  hearings: Hearing[]
  deadlines: Deadline[]
}

/** The Hong Kong date of a hearing (its start is sent with the +08:00 offset). */
export const hearingDate = (h: Hearing): IsoDate => h.startsAt.slice(0, 10)

/** Items per day, only days that have some, in date order. */
export function groupByDay(agenda: Pick<CourtAgenda, 'hearings' | 'deadlines'>): DayItems[] {
  const days = new Map<IsoDate, DayItems>()
  const day = (date: IsoDate) => {
    let d = days.get(date)
    if (!d) {
      d = { date, hearings: [], deadlines: [] }
      days.set(date, d)
    }
    return d
  }
  for (const h of agenda.hearings) day(hearingDate(h)).hearings.push(h)
  for (const d of agenda.deadlines) day(d.dueOn).deadlines.push(d)
  for (const d of days.values()) d.hearings.sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date))
}

/** Ids of the items some conflict names, for flags on the calendar. */
export function flaggedIds(conflicts: readonly CourtConflict[]): Set<string> {
  const out = new Set<string>()
  for (const c of conflicts) for (const id of c.kind === 'double_booked' ? c.hearingIds : c.deadlineIds) out.add(id)
  return out
}
