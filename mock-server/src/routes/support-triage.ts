import { Readable } from 'node:stream'
import { ErrorBody, FINAL_REPORT_STATUSES, csvDocument, TriageAction, TriageActionResult, TriageList, TriageQuery, type CheckVerdict, type Locale, type TriageGroup, type CsvValue } from '@suite/domain'
import type { App, Deps } from '../deps'
import { auditFor, requireRole } from '../http/auth-context'
import { HttpError } from '../http/errors'
import { notify } from '../jobs/notify'
import { newId } from '../support/ids'
import { verdictText } from '../support/messages'
import { loadReports, withNotes } from '../support/repo'
import { appLink } from '../http/links'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const IT = ['it_admin'] as const
const STRENGTH: CheckVerdict[] = ['known_scam', 'suspicious', 'no_record', 'official']

/** Filters of the queue as SQL. Drill reports never enter it. */
function queueWhere(query: { status?: string | undefined; assigneeId?: string | undefined; q?: string | undefined }): { where: string; params: unknown[] } {
  const params: unknown[] = []
  const where = ['r.drill_id IS NULL']
  if (query.status) { params.push(query.status); where.push(`r.status = $${params.length}`) }
  if (query.assigneeId) { params.push(query.assigneeId); where.push(`r.assignee_id = $${params.length}`) }
  if (query.q) {
    params.push(`%${query.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`)
    where.push(`(r.identifier ILIKE $${params.length} OR r.identifier_key ILIKE $${params.length} OR r.identifier_display ILIKE $${params.length} OR r.message ILIKE $${params.length})`)
  }
  return { where: where.join(' AND '), params }
}

/** A CSV cell: quoted, and never read as a formula by a spreadsheet. */

/** IT's triage console: the queue grouped by contact, assignment, notes, verdicts, export. */
export async function supportTriageRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/support/triage', { schema: { tags: ['support'], querystring: TriageQuery, response: { 200: TriageList, ...errors } } }, async (req) => {
    requireRole(req, IT)
    const { where, params } = queueWhere(req.query)
    const reports = await withNotes(deps.db, await loadReports(deps.db, where, params, 'ORDER BY r.received_at DESC, r.id DESC LIMIT 5000'))
    const known = new Set((await deps.db.query<{ k: string }>("SELECT kind || ':' || value AS k FROM support_known_scams")).rows.map((r) => r.k))
    const groups = new Map<string, TriageGroup>()
    for (const r of reports) {
      const key = r.identifierKey ?? `raw:${r.identifier.trim().toLowerCase()}`
      let g = groups.get(key)
      if (!g) {
        g = { key, kind: r.identifierKind, display: r.identifierDisplay, count: 0, latestAt: r.receivedAt, verdict: r.verdict, knownScam: known.has(key), byStatus: {}, reports: [] }
        groups.set(key, g)
      }
      g.count++
      g.byStatus[r.status] = (g.byStatus[r.status] ?? 0) + 1
      if (STRENGTH.indexOf(r.verdict) < STRENGTH.indexOf(g.verdict)) g.verdict = r.verdict
      g.reports.push(r)
    }
    const all = [...groups.values()]
    return { groups: all.slice(0, req.query.limit), total: all.length }
  })

  app.post('/api/support/triage/actions', { schema: { tags: ['support'], body: TriageAction, response: { 200: TriageActionResult, ...errors } } }, async (req) => {
    const { user } = requireRole(req, IT)
    const body = req.body
    const ids = [...new Set(body.reportIds)]
    const now = deps.now()
    return deps.db.tx(async (q) => {
      const found = (await q.query<{ id: string; status: string; reporter_id: string; identifier_kind: string; identifier_key: string | null; identifier_display: string }>(
        'SELECT id, status, reporter_id, identifier_kind, identifier_key, identifier_display FROM support_reports WHERE id = ANY($1::text[]) AND drill_id IS NULL FOR UPDATE', [ids])).rows
      if (found.length !== ids.length) throw new HttpError('not_found', 'Some of these reports were not found', ids.filter((id) => !found.some((f) => f.id === id)).map((id) => ({ path: 'reportIds', code: 'not_found', message: id })))
      let notified = 0
      let knownScamsAdded = 0
      if (body.action === 'assign') {
        if (body.assigneeId) {
          const ok = await q.query("SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('it_admin','compliance_officer')", [body.assigneeId])
          if (!ok.rows.length) throw new HttpError('validation_failed', 'Reports can be assigned to IT or compliance staff only', [{ path: 'assigneeId', code: 'invalid_assignee', message: 'Not an IT or compliance member' }])
        }
        await q.query('UPDATE support_reports SET assignee_id = $2, updated_at = $3 WHERE id = ANY($1::text[])', [ids, body.assigneeId, now])
      } else if (body.action === 'note') {
        for (const id of ids) await q.query('INSERT INTO support_report_notes (report_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)', [id, user.id, body.body, now])
        await q.query('UPDATE support_reports SET updated_at = $2 WHERE id = ANY($1::text[])', [ids, now])
      } else {
        const final = FINAL_REPORT_STATUSES.includes(body.status)
        if (body.status === 'duplicate') {
          if (!body.duplicateOf || ids.includes(body.duplicateOf)) throw new HttpError('validation_failed', 'Name the report these duplicate', [{ path: 'duplicateOf', code: 'required', message: 'duplicateOf is required and must be another report' }])
          const orig = await q.query('SELECT 1 FROM support_reports WHERE id = $1 AND drill_id IS NULL', [body.duplicateOf])
          if (!orig.rows.length) throw new HttpError('validation_failed', 'The original report was not found', [{ path: 'duplicateOf', code: 'not_found', message: 'No such report' }])
        }
        const changed = found.filter((f) => f.status !== body.status)
        await q.query(
          `UPDATE support_reports SET status = $2, updated_at = $3, resolution = CASE WHEN $4 THEN $5 ELSE resolution END,
             decided_by = CASE WHEN $4 THEN $6 ELSE NULL END, decided_at = CASE WHEN $4 THEN $3::timestamptz ELSE NULL END,
             duplicate_of = $7 WHERE id = ANY($1::text[])`,
          [changed.map((f) => f.id), body.status, now, final, body.resolution ?? null, user.id, body.status === 'duplicate' ? body.duplicateOf : null])
        if (body.status === 'confirmed_scam') {
          for (const f of changed) {
            if (!f.identifier_key) continue
            const value = f.identifier_key.slice(f.identifier_key.indexOf(':') + 1)
            const added = await q.query(
              `INSERT INTO support_known_scams (id, kind, value, display, source, note, added_by, added_at) VALUES ($1, $2, $3, $4, 'confirmed_report', $5, $6, $7)
               ON CONFLICT (kind, value) DO NOTHING`, [newId('ks'), f.identifier_kind, value, f.identifier_display, `report ${f.id}`, user.id, now])
            knownScamsAdded += added.rowCount
          }
        }
        if (final && changed.length) {
          const reporters = (await q.query<{ id: string; locale: Locale }>('SELECT id, locale FROM users WHERE id = ANY($1::text[])', [changed.map((f) => f.reporter_id)])).rows
          for (const f of changed) {
            const locale = reporters.find((r) => r.id === f.reporter_id)?.locale ?? 'zh-HK'
            const text = verdictText(locale, body.status, { display: f.identifier_display, resolution: body.resolution ?? null })
            if (!text) continue
            const sent = await notify(q, { userIds: [f.reporter_id], kind: 'support.verdict', ...text, link: appLink(deps.env, 'support-report', `/reports/${f.id}`), dedupeKey: `support-verdict:${f.id}:${body.status}:${now.getTime()}` })
            if (sent) notified++
          }
        }
      }
      await auditFor(req, q, {
        action: `support.triage.${body.action}`, targetType: 'support_report', targetId: ids.length === 1 ? ids[0]! : null,
        detail: { reportIds: ids, ...(body.action === 'assign' ? { assigneeId: body.assigneeId } : {}), ...(body.action === 'set_status' ? { status: body.status, duplicateOf: body.duplicateOf ?? null, notified, knownScamsAdded } : {}) },
      })
      return { updated: ids.length, notified, knownScamsAdded }
    })
  })

  app.get('/api/support/triage/export', { schema: { tags: ['support'], querystring: TriageQuery } }, async (req, reply) => {
    requireRole(req, IT)
    const { where, params } = queueWhere(req.query)
    const reports = await loadReports(deps.db, where, params, 'ORDER BY r.received_at DESC, r.id DESC')
    await deps.db.tx((q) => auditFor(req, q, { action: 'support.triage.export', targetType: 'support_report', detail: { rows: reports.length, status: req.query.status ?? null } }))
    const head = ['id', 'received_at', 'reported_at', 'status', 'kind', 'identifier_key', 'identifier', 'channel', 'claimed_identity', 'asked_for', 'complied', 'loss_amount', 'loss_currency', 'verdict', 'reasons', 'reporter', 'department', 'assignee', 'resolution']
    const rows: CsvValue[][] = [head]
    for (const r of reports) {
      rows.push([r.id, r.receivedAt, r.reportedAt, r.status, r.identifierKind, r.identifierKey, r.identifier, r.channel, r.claimedIdentity, r.askedFor, r.complied,
        r.lossAmount, r.lossCurrency, r.verdict, r.reasons.map((x) => x.code), r.reporterName, r.department, r.assigneeName, r.resolution])
    }
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="support-reports-${deps.now().toISOString().slice(0, 10)}.csv"`)
    return reply.send(Readable.from([csvDocument(rows)]))
  })
}
