import { Readable } from 'node:stream'
import { ADMIN_ROLES, auditApi } from '@suite/domain'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { auditFor, requireRole } from '../http/auth-context'
import { HttpError } from '../http/errors'
import { listAudit, verifyAudit } from './log'
import { exportAudit } from './export'

/** Search, verify and export the audit chain: compliance officer and IT admin only. */
export async function auditRoutes(app: App, deps: Deps): Promise<void> {
  serve(app, auditApi.list, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return listAudit(deps.db, req.query)
  })

  serve(app, auditApi.verify, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return verifyAudit(deps.db, deps.secret)
  })

  serve(app, auditApi.export, async (req, reply) => {
    const { user } = requireRole(req, ADMIN_ROLES)
    const { from, to, format } = req.query
    if (from > to)
      throw new HttpError('validation_failed', 'The start date is after the end date', [
        { path: 'from', code: 'after_to', message: 'from must not be after to' },
      ])
    // The export itself is a read of protected data: record it before a byte leaves.
    await deps.db.tx((q) =>
      auditFor(req, q, { action: 'audit.export', targetType: 'audit', detail: { from, to, format } }),
    )
    const name = `audit-${from}-to-${to}.${format}`
    reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    reply.header('content-disposition', `attachment; filename="${name}"`)
    return reply.send(Readable.from(exportAudit(deps.db, from, to, format, deps.now(), user.locale)))
  })
}
