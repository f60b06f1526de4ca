import { Readable } from 'node:stream'
import { ADMIN_ROLES, AuditEntry, AuditExportQuery, AuditQuery, AuditVerification, ErrorBody, Page } from '@suite/domain'
import type { App, Deps } from '../deps'
import { auditFor, requireRole } from '../http/auth-context'
import { listAudit, verifyAudit } from '../audit/log'
import { exportAudit } from '../audit/export'
import { HttpError } from '../http/errors'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }

/** Search, verify and export the audit chain: compliance officer and IT admin only. */
export async function auditRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/audit', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: Page(AuditEntry), ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return listAudit(deps.db, req.query)
  })

  app.get('/api/audit/verify', { schema: { tags: ['audit'], response: { 200: AuditVerification, ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return verifyAudit(deps.db, deps.secret)
  })

  app.get('/api/audit/export', { schema: { tags: ['audit'], querystring: AuditExportQuery } }, async (req, reply) => {
    requireRole(req, ADMIN_ROLES)
    const { from, to, format } = req.query
    if (from > to) throw new HttpError('validation_failed', 'The start date is after the end date', [{ path: 'from', code: 'after_to', message: 'from must not be after to' }])
    // The export itself is a read of protected data: record it before a byte leaves.
    await deps.db.tx((q) => auditFor(req, q, { action: 'audit.export', targetType: 'audit', detail: { from, to, format } }))
    const name = `audit-${from}-to-${to}.${format}`
    reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    reply.header('content-disposition', `attachment; filename="${name}"`)
    return reply.send(Readable.from(exportAudit(deps.db, from, to, format, deps.now())))
  })
}
