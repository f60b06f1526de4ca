import { z } from 'zod'
import { CaseStatus, CaseSummary, ErrorBody, Page, PageQuery, decodeCursor, encodeCursor } from '@suite/domain'
import type { App, Deps } from '../deps'
import { requireUser } from '../http/auth-context'
import { visibleCaseSql } from '../cases/access'

interface CaseRow {
  id: string; number: string; title: string; client_name: string; status: CaseSummary['status']
  restricted_to_internal: boolean; created_at: Date; updated_at: Date
}

/** Map a `cases` row to the wire shape. */
export function toCaseSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id as CaseSummary['id'], number: r.number, title: r.title, clientName: r.client_name, status: r.status,
    restrictedToInternal: r.restricted_to_internal, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
  }
}

const CaseListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional(), status: CaseStatus.optional() })

/** "My cases": only cases the caller is an active, unwalled, unexpired member of. */
export async function caseRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/cases', { schema: { tags: ['cases'], querystring: CaseListQuery, response: { 200: Page(CaseSummary), 400: ErrorBody, 401: ErrorBody } } }, async (req) => {
    const { user } = requireUser(req)
    const params: unknown[] = [user.id, deps.now()]
    const where = [visibleCaseSql({ c: 'c', m: 'm' }, user.role, 1, 2)]
    if (req.query.status) { params.push(req.query.status); where.push(`c.status = $${params.length}`) }
    if (req.query.q) {
      params.push(`%${req.query.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`)
      where.push(`(c.number ILIKE $${params.length} OR c.title ILIKE $${params.length} OR c.client_name ILIKE $${params.length})`)
    }
    const cursor = req.query.cursor ? decodeCursor(req.query.cursor) : null
    if (Array.isArray(cursor) && cursor.length === 2) {
      params.push(cursor[0], cursor[1])
      where.push(`(c.updated_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length})`)
    }
    params.push(req.query.limit + 1)
    const { rows } = await deps.db.query<CaseRow>(
      `SELECT c.* FROM cases c JOIN case_members m ON m.case_id = c.id
       WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    )
    const items = rows.slice(0, req.query.limit)
    const last = items[items.length - 1]
    return {
      items: items.map(toCaseSummary),
      nextCursor: rows.length > req.query.limit && last ? encodeCursor([new Date(last.updated_at).toISOString(), last.id]) : null,
    }
  })
}
