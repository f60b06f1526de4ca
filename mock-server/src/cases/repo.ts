import type { CaseStatus, CaseSummary, CaseUpdate, Role } from '@suite/domain'
import type { Queryable } from '../db/db'
import type { CaseRow } from '../case-room/guard'
import type { TimeIdCursor } from '../http/cursor'
import { visibleCaseSql } from './access'

/** Map a `cases` row to the wire shape. */
export function toCaseSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id as CaseSummary['id'],
    number: r.number,
    title: r.title,
    clientName: r.client_name,
    status: r.status,
    restrictedToInternal: r.restricted_to_internal,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }
}

/** What the case list is filtered by. */
export interface CaseListFilter {
  user: { id: string; role: Role }
  now: Date
  q?: string
  status?: CaseStatus
  after: TimeIdCursor | null
  /** Rows to read: one more than the page, to know whether another follows. */
  take: number
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (x) => `\\${x}`)}%`

/** The `cases` table: reads and writes of the case itself (membership lives in the case room). */
export const casesRepo = {
  /** Cases the user may know of, newest change first, after a (updated_at, id) cursor. */
  async listVisible(q: Queryable, f: CaseListFilter): Promise<CaseRow[]> {
    const params: unknown[] = [f.user.id, f.now]
    const where = [visibleCaseSql({ c: 'c', m: 'm' }, f.user.role, 1, 2)]
    if (f.status) {
      params.push(f.status)
      where.push(`c.status = $${params.length}`)
    }
    if (f.q) {
      params.push(likePattern(f.q))
      where.push(
        `(c.number ILIKE $${params.length} OR c.title ILIKE $${params.length} OR c.client_name ILIKE $${params.length})`,
      )
    }
    if (f.after) {
      params.push(f.after[0], f.after[1])
      where.push(`(c.updated_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length})`)
    }
    params.push(f.take)
    const { rows } = await q.query<CaseRow>(
      `SELECT c.* FROM cases c JOIN case_members m ON m.case_id = c.id
       WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    )
    return rows
  },

  async numberTaken(q: Queryable, number: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM cases WHERE number = $1', [number])).rows.length > 0
  },

  /** A new open case with its creator as its first member, seeing every tier. */
  async create(
    q: Queryable,
    c: { id: string; orgId: string; number: string; title: string; clientName: string; createdBy: string; now: Date },
  ): Promise<void> {
    await q.query(
      `INSERT INTO cases (id, org_id, number, title, client_name, status, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $7)`,
      [c.id, c.orgId, c.number, c.title, c.clientName, c.createdBy, c.now],
    )
    await q.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, added_by, added_at) VALUES ($1, $2, 'active', 'private', $2, $3)`,
      [c.id, c.createdBy, c.now],
    )
  },

  /** Change what is given of status, title and client name. */
  async update(q: Queryable, id: string, b: CaseUpdate, now: Date): Promise<void> {
    await q.query(
      `UPDATE cases SET status = COALESCE($2, status), title = COALESCE($3, title), client_name = COALESCE($4, client_name), updated_at = $5 WHERE id = $1`,
      [id, b.status ?? null, b.title ?? null, b.clientName ?? null, now],
    )
  },

  async setRestricted(q: Queryable, id: string, restricted: boolean, now: Date): Promise<void> {
    await q.query('UPDATE cases SET restricted_to_internal = $2, updated_at = $3 WHERE id = $1', [id, restricted, now])
  },
}
