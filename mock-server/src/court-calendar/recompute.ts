import { computeDeadline, type CourtCalendar, type IsoDate } from '@suite/court-rules'
import type { DeadlineWorking, PeriodRule } from '@suite/domain'
import type { Queryable } from '../db/db'
import type { AuditEvent } from '../audit/log'
import { DEADLINE_SELECT, type DeadlineRow } from './items'
import { itemChanged } from './changes'
import { loadCourtCalendar } from './calendar-data'
import { hkDate } from './time'

/** Writes an audit row for a change made on someone's behalf (the request's caller, or the system). */
export type Auditor = (ev: Omit<AuditEvent, 'actorId' | 'actorName' | 'requestId'>) => Promise<unknown>

/** Where a deadline's anchor stands now. */
export interface AnchorState {
  date: IsoDate | null
  cancelled: boolean
}

/** The anchor of a computed deadline: its date and whether it was cancelled. */
export async function resolveAnchor(
  q: Queryable,
  r: Pick<
    DeadlineRow,
    'anchor_type' | 'anchor_hearing_id' | 'anchor_trigger_id' | 'anchor_deadline_id' | 'anchor_date'
  >,
): Promise<AnchorState> {
  switch (r.anchor_type) {
    case 'hearing': {
      const h = (
        await q.query<{ starts_at: Date; status: string }>(
          'SELECT starts_at, status FROM court_hearings WHERE id = $1',
          [r.anchor_hearing_id],
        )
      ).rows[0]
      return h ? { date: hkDate(h.starts_at), cancelled: h.status === 'cancelled' } : { date: null, cancelled: true }
    }
    case 'trigger': {
      const t = (
        await q.query<{ occurred_on: string; status: string }>(
          `SELECT to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, status FROM court_triggers WHERE id = $1`,
          [r.anchor_trigger_id],
        )
      ).rows[0]
      return t ? { date: t.occurred_on, cancelled: t.status === 'cancelled' } : { date: null, cancelled: true }
    }
    case 'deadline': {
      const d = (
        await q.query<{ due_on: string; status: string }>(
          `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on, status FROM court_deadlines WHERE id = $1`,
          [r.anchor_deadline_id],
        )
      ).rows[0]
      return d ? { date: d.due_on, cancelled: d.status === 'cancelled' } : { date: null, cancelled: true }
    }
    case 'date':
      return { date: r.anchor_date, cancelled: false }
    default:
      return { date: null, cancelled: true }
  }
}

/** Run the calculator for a rule from a date, keeping the working the API shows. */
export function workingFor(rule: PeriodRule, from: IsoDate, calendar: CourtCalendar): DeadlineWorking {
  const r = computeDeadline({ ...rule, from }, calendar)
  return {
    deadline: r.deadline,
    counted: r.counted,
    excluded: r.excluded,
    unadjusted: r.unadjusted,
    shortPeriodRule: r.shortPeriodRule,
    warnings: r.warnings,
  }
}

/** Context of a recomputation. */
export interface RecomputeContext {
  q: Queryable
  calendar: CourtCalendar
  now: Date
  audit: Auditor
  /** Why, for the audit trail: `hearing_moved`, `closure_declared`, ... */
  reason: string
}

/**
 * Recompute open computed deadlines and, through `anchor_deadline_id`, every deadline that
 * runs from one that moved. A deadline whose anchor was cancelled keeps its date and is
 * marked suspended. Each deadline that moves gets its SEQUENCE raised, an audit row, a
 * calendar sync and fresh reminders. Returns the ids of deadlines whose date changed.
 */
export async function recomputeDeadlines(ctx: RecomputeContext, ids: readonly string[]): Promise<string[]> {
  const { q } = ctx
  const moved: string[] = []
  const seen = new Set<string>()
  let wave = [...new Set(ids)]
  for (let depth = 0; wave.length && depth < 25; depth++) {
    const next: string[] = []
    for (const id of wave) {
      if (seen.has(id)) continue
      seen.add(id)
      const r = (await q.query<DeadlineRow>(`${DEADLINE_SELECT} WHERE d.id = $1`, [id])).rows[0]
      if (!r || r.kind !== 'computed' || r.status !== 'open' || !r.rule) continue
      const anchor = await resolveAnchor(q, r)
      if (anchor.cancelled || !anchor.date) {
        if (!r.anchor_suspended) {
          await q.query('UPDATE court_deadlines SET anchor_suspended = true, updated_at = $2 WHERE id = $1', [
            id,
            ctx.now,
          ])
          await ctx.audit({
            action: 'court.deadline.suspended',
            targetType: 'court_deadline',
            targetId: id,
            caseId: r.case_id,
            detail: { reason: ctx.reason },
          })
        }
        continue
      }
      const working = workingFor(r.rule, anchor.date, ctx.calendar)
      const dueChanged = working.deadline !== r.due_on
      if (
        !dueChanged &&
        !r.anchor_suspended &&
        anchor.date === r.anchor_date &&
        JSON.stringify(working) === JSON.stringify(r.working)
      )
        continue
      await q.query(
        `UPDATE court_deadlines SET due_on = $2, working = $3::jsonb, anchor_date = $4, anchor_suspended = false,
           sequence = sequence + CASE WHEN $5 THEN 1 ELSE 0 END, updated_at = $6 WHERE id = $1`,
        [id, working.deadline, JSON.stringify(working), anchor.date, dueChanged, ctx.now],
      )
      await ctx.audit({
        action: 'court.deadline.recomputed',
        targetType: 'court_deadline',
        targetId: id,
        caseId: r.case_id,
        detail: { reason: ctx.reason, from: r.due_on, to: working.deadline, anchorDate: anchor.date },
      })
      await itemChanged(q, 'deadline', id, { timeChanged: dueChanged, now: ctx.now })
      if (dueChanged) {
        moved.push(id)
        next.push(...(await dependentsOf(q, 'deadline', id)))
      }
    }
    wave = next
  }
  return moved
}

/**
 * Recompute every open deadline that runs from a hearing, a trigger event or a deadline (after
 * it moved, was cancelled or restored); returns the ids of those whose date changed.
 */
export async function recomputeDependents(
  q: Queryable,
  audit: Auditor,
  now: Date,
  type: 'hearing' | 'trigger' | 'deadline',
  id: string,
  reason: string,
): Promise<string[]> {
  const ids = await dependentsOf(q, type, id)
  if (!ids.length) return []
  return recomputeDeadlines({ q, calendar: await loadCourtCalendar(q), now, reason, audit }, ids)
}

/**
 * Recompute the open deadlines whose period touches [from, to] (after the holidays or the
 * declared days changed); returns how many were looked at and which moved.
 */
export async function recomputeSpan(
  q: Queryable,
  audit: Auditor,
  now: Date,
  from: IsoDate,
  to: IsoDate,
  reason: string,
): Promise<{ recomputed: number; moved: string[] }> {
  const ids = await deadlinesSpanning(q, from, to)
  const moved = await recomputeDeadlines({ q, calendar: await loadCourtCalendar(q), now, reason, audit }, ids)
  return { recomputed: ids.length, moved }
}

/** Open deadlines that run from a hearing, a trigger event or another deadline. */
export async function dependentsOf(
  q: Queryable,
  type: 'hearing' | 'trigger' | 'deadline',
  id: string,
): Promise<string[]> {
  const col = type === 'hearing' ? 'anchor_hearing_id' : type === 'trigger' ? 'anchor_trigger_id' : 'anchor_deadline_id'
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM court_deadlines WHERE ${col} = $1 AND status = 'open' ORDER BY created_at, id`,
    [id],
  )
  return rows.map((r) => r.id)
}

/** Open computed deadlines whose period (anchor to due date) touches [from, to]. */
export async function deadlinesSpanning(q: Queryable, from: IsoDate, to: IsoDate): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM court_deadlines WHERE kind = 'computed' AND status = 'open' AND anchor_date IS NOT NULL
       AND LEAST(anchor_date, due_on) <= $2::date AND GREATEST(anchor_date, due_on) >= $1::date ORDER BY due_on, id`,
    [from, to],
  )
  return rows.map((r) => r.id)
}
