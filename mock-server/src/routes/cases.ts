import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { TimeIdCursor, readCursor } from '../http/cursor'
import {
  CaseCreate, CaseDetail, CaseStatus, CaseSummary, CaseUpdate, ErrorBody, Page, PageQuery, RestrictToInternal, decide, encodeCursor, visibleTiers,
} from '@suite/domain'
import type { App, Deps } from '../deps'
import { auditFor, requireRole, requireUser } from '../http/auth-context'
import { HttpError } from '../http/errors'
import { visibleCaseSql } from '../cases/access'
import { abilities, enforce, openCase, type CaseAccess } from '../case-room/guard'
import { findOfficeConverter } from '../case-room/office'
import { requireCaseStepUp } from '../case-room/step-up'

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

/** The case and what the caller may do in it. */
function toCaseDetail(a: CaseAccess, officeConversion: boolean): CaseDetail {
  const m = a.subject.membership!
  return {
    ...toCaseSummary(a.caseRow),
    me: { role: a.subject.role, status: m.status, tierCeiling: m.tierCeiling, internal: a.internal, visibleTiers: visibleTiers(a.subject), actions: abilities(a.subject) },
    officeConversion,
  }
}

const CaseParams = z.object({ caseId: z.string().min(1).max(64) })
const caseErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

const CaseListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional(), status: CaseStatus.optional() })

/**
 * "My cases": only cases the caller is an active, unwalled, unexpired member of; one case
 * (404 for anyone who may not know it exists); a partner opens a case; status and the
 * "restrict to internal" switch.
 */
export async function caseRoutes(app: App, deps: Deps): Promise<void> {
  const officeConversion = findOfficeConverter() !== null

  app.get('/api/cases', { schema: { tags: ['cases'], querystring: CaseListQuery, response: { 200: Page(CaseSummary), 400: ErrorBody, 401: ErrorBody } } }, async (req) => {
    const { user } = requireUser(req)
    const params: unknown[] = [user.id, deps.now()]
    const where = [visibleCaseSql({ c: 'c', m: 'm' }, user.role, 1, 2)]
    if (req.query.status) { params.push(req.query.status); where.push(`c.status = $${params.length}`) }
    if (req.query.q) {
      params.push(`%${req.query.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`)
      where.push(`(c.number ILIKE $${params.length} OR c.title ILIKE $${params.length} OR c.client_name ILIKE $${params.length})`)
    }
    const cursor = readCursor(req.query.cursor, TimeIdCursor)
    if (cursor) {
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

  app.get('/api/cases/:caseId', { schema: { tags: ['cases'], params: CaseParams, response: { 200: CaseDetail, ...caseErrors } } }, async (req) => {
    return toCaseDetail(await openCase(deps.db, req, req.params.caseId, deps.now()), officeConversion)
  })

  app.post('/api/cases', { schema: { tags: ['cases'], body: CaseCreate, response: { 201: CaseDetail, ...caseErrors } } }, async (req, reply) => {
    const { user } = requireRole(req, ['partner'])
    const id = `case-${randomUUID()}`
    const now = deps.now()
    await deps.db.tx(async (q) => {
      const taken = await q.query('SELECT 1 FROM cases WHERE number = $1', [req.body.number])
      if (taken.rows.length) throw new HttpError('conflict', 'A case with this number already exists', [{ path: 'number', code: 'taken', message: 'Case number already in use' }])
      await q.query(
        `INSERT INTO cases (id, org_id, number, title, client_name, status, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $7)`,
        [id, user.org_id, req.body.number, req.body.title, req.body.clientName, user.id, now],
      )
      await q.query(`INSERT INTO case_members (case_id, user_id, status, tier_ceiling, added_by, added_at) VALUES ($1, $2, 'active', 'private', $2, $3)`, [id, user.id, now])
      await auditFor(req, q, { action: 'case.create', targetType: 'case', targetId: id, caseId: id, detail: { number: req.body.number } })
    })
    return reply.code(201).send(toCaseDetail(await openCase(deps.db, req, id, now), officeConversion))
  })

  app.patch('/api/cases/:caseId', { schema: { tags: ['cases'], params: CaseParams, body: CaseUpdate, response: { 200: CaseDetail, ...caseErrors } } }, async (req) => {
    const now = deps.now()
    await deps.db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'private', 'edit'))
      const b = req.body
      await q.query(
        `UPDATE cases SET status = COALESCE($2, status), title = COALESCE($3, title), client_name = COALESCE($4, client_name), updated_at = $5 WHERE id = $1`,
        [a.caseRow.id, b.status ?? null, b.title ?? null, b.clientName ?? null, now],
      )
      await auditFor(req, q, { action: 'case.update', targetType: 'case', targetId: a.caseRow.id, caseId: a.caseRow.id, detail: { ...b, previousStatus: a.caseRow.status } })
    })
    return toCaseDetail(await openCase(deps.db, req, req.params.caseId, now), officeConversion)
  })

  // One step suspends every external member; only lifting it (re-admitting them) needs a step-up.
  app.post('/api/cases/:caseId/restrict', { schema: { tags: ['cases'], params: CaseParams, body: RestrictToInternal, response: { 200: CaseDetail, ...caseErrors } } }, async (req) => {
    const now = deps.now()
    const pre = await openCase(deps.db, req, req.params.caseId, now)
    enforce(decide(pre.subject, 'restricted', 'revoke'))
    if (!req.body.restricted && pre.caseRow.restricted_to_internal) await requireCaseStepUp(req, { action: 'case.readmit_externals', targetType: 'case', targetId: pre.caseRow.id, caseId: pre.caseRow.id })
    await deps.db.tx(async (q) => {
      const a = await openCase(q, req, req.params.caseId, now)
      enforce(decide(a.subject, 'restricted', 'revoke'))
      if (a.caseRow.restricted_to_internal === req.body.restricted) return
      await q.query('UPDATE cases SET restricted_to_internal = $2, updated_at = $3 WHERE id = $1', [a.caseRow.id, req.body.restricted, now])
      await auditFor(req, q, {
        action: req.body.restricted ? 'case.restrict_to_internal' : 'case.readmit_externals', targetType: 'case', targetId: a.caseRow.id, caseId: a.caseRow.id,
        detail: { reason: req.body.reason ?? null },
      })
    })
    return toCaseDetail(await openCase(deps.db, req, req.params.caseId, now), officeConversion)
  })
}
