import {
  isInternalRole,
  type Deadline,
  type DeadlineWorking,
  type EventSync,
  type Hearing,
  type Role,
  type TriggerEvent,
} from '@suite/domain'
import type { Queryable } from '../db/db'
import { toHkIso } from './time'

/** A `court_hearings` row with its case and dependents. */
export interface HearingRow {
  id: string
  case_id: string
  case_number: string
  case_title: string
  court_case_number: string
  court: string
  judge: string | null
  courtroom: string | null
  hearing_type: Hearing['type']
  title: string | null
  starts_at: Date
  ends_at: Date | null
  status: Hearing['status']
  lawyer_ids: string[]
  notes: string | null
  sequence: number
  source: Hearing['source']
  external_uid: string | null
  created_at: Date
  updated_at: Date
  dependents: number
}

/** A `court_deadlines` row with its case and dependents (dates as `YYYY-MM-DD` text). */
export interface DeadlineRow {
  id: string
  case_id: string
  case_number: string
  case_title: string
  title: string
  kind: Deadline['kind']
  due_on: string
  status: Deadline['status']
  anchor_type: 'hearing' | 'trigger' | 'deadline' | 'date' | null
  anchor_hearing_id: string | null
  anchor_trigger_id: string | null
  anchor_deadline_id: string | null
  anchor_date: string | null
  anchor_suspended: boolean
  rule: Deadline['rule']
  template_id: string | null
  template_version: number | null
  citation: string | null
  working: DeadlineWorking | null
  lawyer_ids: string[]
  notes: string | null
  sequence: number
  created_at: Date
  updated_at: Date
  dependents: number
}

/** A `court_triggers` row. */
export interface TriggerRow {
  id: string
  case_id: string
  case_number: string
  kind: TriggerEvent['kind']
  label: string | null
  occurred_on: string
  status: TriggerEvent['status']
  created_at: Date
  updated_at: Date
  dependents: number
}

export const HEARING_SELECT = `SELECT h.*, c.number AS case_number, c.title AS case_title,
    (SELECT count(*)::int FROM court_deadlines d WHERE d.anchor_hearing_id = h.id AND d.status <> 'cancelled') AS dependents
  FROM court_hearings h JOIN cases c ON c.id = h.case_id`

export const DEADLINE_SELECT = `SELECT d.id, d.case_id, d.title, d.kind, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.status, d.anchor_type,
    d.anchor_hearing_id, d.anchor_trigger_id, d.anchor_deadline_id, to_char(d.anchor_date, 'YYYY-MM-DD') AS anchor_date, d.anchor_suspended,
    d.rule, d.template_id, d.template_version, d.citation, d.working, d.lawyer_ids, d.notes, d.sequence, d.created_at, d.updated_at,
    c.number AS case_number, c.title AS case_title,
    (SELECT count(*)::int FROM court_deadlines x WHERE x.anchor_deadline_id = d.id AND x.status <> 'cancelled') AS dependents
  FROM court_deadlines d JOIN cases c ON c.id = d.case_id`

export const TRIGGER_SELECT = `SELECT t.id, t.case_id, c.number AS case_number, t.kind, t.label, to_char(t.occurred_on, 'YYYY-MM-DD') AS occurred_on,
    t.status, t.created_at, t.updated_at,
    (SELECT count(*)::int FROM court_deadlines d WHERE d.anchor_trigger_id = t.id AND d.status <> 'cancelled') AS dependents
  FROM court_triggers t JOIN cases c ON c.id = t.case_id`

const iso = (d: Date) => new Date(d).toISOString()

/** Sync states of many items at once, keyed `type:id`. */
export async function loadSyncStates(
  q: Queryable,
  type: 'hearing' | 'deadline',
  ids: string[],
): Promise<Map<string, EventSync[]>> {
  const out = new Map<string, EventSync[]>()
  if (!ids.length) return out
  const { rows } = await q.query<{
    item_id: string
    user_id: string
    state: EventSync['state']
    synced_at: Date | null
    last_error: string | null
  }>(
    'SELECT item_id, user_id, state, synced_at, last_error FROM court_sync_events WHERE item_type = $1 AND item_id = ANY($2::text[]) ORDER BY user_id',
    [type, ids],
  )
  for (const r of rows) {
    const list = out.get(r.item_id) ?? []
    list.push({
      userId: r.user_id as EventSync['userId'],
      state: r.state,
      syncedAt: r.synced_at ? iso(r.synced_at) : null,
      lastError: r.last_error,
    })
    out.set(r.item_id, list)
  }
  return out
}

/** Wire shape of a hearing. */
export function toHearing(r: HearingRow, sync: EventSync[] = []): Hearing {
  return {
    id: r.id as Hearing['id'],
    caseId: r.case_id as Hearing['caseId'],
    caseNumber: r.case_number,
    caseTitle: r.case_title,
    courtCaseNumber: r.court_case_number,
    court: r.court,
    judge: r.judge,
    courtroom: r.courtroom,
    type: r.hearing_type,
    title: r.title,
    startsAt: toHkIso(r.starts_at),
    endsAt: r.ends_at ? toHkIso(r.ends_at) : null,
    status: r.status,
    lawyerIds: r.lawyer_ids as Hearing['lawyerIds'],
    notes: r.notes,
    sequence: r.sequence,
    source: r.source,
    dependents: r.dependents,
    sync,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}

/** Wire shape of a deadline. */
export function toDeadline(r: DeadlineRow, sync: EventSync[] = []): Deadline {
  const anchor: Deadline['anchor'] =
    r.anchor_type === 'hearing'
      ? { type: 'hearing', hearingId: r.anchor_hearing_id as never }
      : r.anchor_type === 'trigger'
        ? { type: 'trigger', triggerId: r.anchor_trigger_id as never }
        : r.anchor_type === 'deadline'
          ? { type: 'deadline', deadlineId: r.anchor_deadline_id as never }
          : r.anchor_type === 'date'
            ? { type: 'date', date: r.anchor_date! }
            : null
  return {
    id: r.id as Deadline['id'],
    caseId: r.case_id as Deadline['caseId'],
    caseNumber: r.case_number,
    caseTitle: r.case_title,
    title: r.title,
    kind: r.kind,
    dueOn: r.due_on,
    status: r.status,
    anchor,
    anchorDate: r.anchor_date,
    anchorStatus: r.kind === 'computed' ? (r.anchor_suspended ? 'suspended' : 'active') : null,
    rule: r.rule,
    templateId: r.template_id,
    templateVersion: r.template_version,
    citation: r.citation,
    working: r.working,
    lawyerIds: r.lawyer_ids as Deadline['lawyerIds'],
    notes: r.notes,
    sequence: r.sequence,
    dependents: r.dependents,
    sync,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}

/** Wire shape of a trigger event. */
export function toTrigger(r: TriggerRow): TriggerEvent {
  return {
    id: r.id as TriggerEvent['id'],
    caseId: r.case_id as TriggerEvent['caseId'],
    caseNumber: r.case_number,
    kind: r.kind,
    label: r.label,
    occurredOn: r.occurred_on,
    status: r.status,
    dependents: r.dependents,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}

export async function hearingRow(q: Queryable, id: string): Promise<HearingRow | null> {
  return (await q.query<HearingRow>(`${HEARING_SELECT} WHERE h.id = $1`, [id])).rows[0] ?? null
}
export async function deadlineRow(q: Queryable, id: string): Promise<DeadlineRow | null> {
  return (await q.query<DeadlineRow>(`${DEADLINE_SELECT} WHERE d.id = $1`, [id])).rows[0] ?? null
}
export async function triggerRow(q: Queryable, id: string): Promise<TriggerRow | null> {
  return (await q.query<TriggerRow>(`${TRIGGER_SELECT} WHERE t.id = $1`, [id])).rows[0] ?? null
}

/**
 * A hearing or deadline as `role` may see it: outsiders (a client seeing their own hearing
 * dates) get neither the firm's notes nor whose calendars it was synced to.
 */
export function forViewer<T extends Hearing | Deadline>(item: T, role: Role): T {
  return isInternalRole(role) ? item : { ...item, notes: null, sync: [] }
}

/** One hearing in wire shape with its sync state. */
export async function loadHearing(q: Queryable, id: string): Promise<Hearing | null> {
  const r = await hearingRow(q, id)
  return r ? toHearing(r, (await loadSyncStates(q, 'hearing', [id])).get(id) ?? []) : null
}
/** One deadline in wire shape with its sync state. */
export async function loadDeadline(q: Queryable, id: string): Promise<Deadline | null> {
  const r = await deadlineRow(q, id)
  return r ? toDeadline(r, (await loadSyncStates(q, 'deadline', [id])).get(id) ?? []) : null
}
