import type { CaseEvent, CaseEventKind } from '@suite/domain'
import type { Queryable } from '../db/db'

/** A `case_events` row with its author's name and how many comments it has. */
export interface EventRow {
  id: string
  case_id: string
  kind: CaseEventKind
  title: string
  body: string
  occurs_at: Date | null
  reached_at: Date | null
  created_by: string
  created_by_name: string
  created_at: Date
  comment_count: number
}

const SELECT = `SELECT e.*, u.name AS created_by_name,
    (SELECT count(*)::int FROM case_comments k WHERE k.case_id = e.case_id AND k.target_type = 'event' AND k.target_id = e.id) AS comment_count
  FROM case_events e JOIN users u ON u.id = e.created_by`

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

/** Map a row to the wire shape. */
export function toEvent(r: EventRow): CaseEvent {
  return {
    id: r.id as CaseEvent['id'],
    caseId: r.case_id as CaseEvent['caseId'],
    kind: r.kind,
    title: r.title,
    body: r.body,
    occursAt: iso(r.occurs_at),
    reachedAt: iso(r.reached_at),
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    commentCount: r.comment_count,
  }
}

/** What changes in a timeline entry; `occursAt` undefined leaves it, null clears it. */
export interface EventChange {
  title?: string | undefined
  body?: string | undefined
  occursAt?: Date | null | undefined
  reachedAt: Date | null
}

/** The `case_events` table: the public timeline of a case. */
export const eventsRepo = {
  /** The newest 500 entries, by when they happen (or were written). */
  async list(q: Queryable, caseId: string): Promise<EventRow[]> {
    return (
      await q.query<EventRow>(
        `${SELECT} WHERE e.case_id = $1 ORDER BY COALESCE(e.occurs_at, e.created_at) DESC, e.id LIMIT 500`,
        [caseId],
      )
    ).rows
  },

  /** One entry of a case, or null. */
  async find(q: Queryable, caseId: string, id: string): Promise<EventRow | null> {
    return (await q.query<EventRow>(`${SELECT} WHERE e.case_id = $1 AND e.id = $2`, [caseId, id])).rows[0] ?? null
  },

  async create(
    q: Queryable,
    e: {
      id: string
      caseId: string
      kind: CaseEventKind
      title: string
      body: string
      occursAt: Date | null
      createdBy: string
      now: Date
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO case_events (id, case_id, kind, title, body, occurs_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [e.id, e.caseId, e.kind, e.title, e.body, e.occursAt, e.createdBy, e.now],
    )
  },

  async update(q: Queryable, caseId: string, id: string, c: EventChange, now: Date): Promise<void> {
    await q.query(
      `UPDATE case_events SET title = COALESCE($3, title), body = COALESCE($4, body),
         occurs_at = CASE WHEN $5 THEN $6::timestamptz ELSE occurs_at END, reached_at = $7, updated_at = $8
       WHERE case_id = $1 AND id = $2`,
      [caseId, id, c.title ?? null, c.body ?? null, c.occursAt !== undefined, c.occursAt ?? null, c.reachedAt, now],
    )
  },
}

/** Mark the case changed at `now` (its "last changed" in the case list). */
export async function touchCase(q: Queryable, caseId: string, now: Date): Promise<void> {
  await q.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [caseId, now])
}
