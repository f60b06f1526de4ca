import { z } from 'zod'
import { ADMIN_ROLES, AuditCheckpoint, AuditPurgeResult, AuditRetention, AuditRetentionUpdate, ErrorBody } from '@suite/domain'
import type { App, Deps } from '../deps'
import { auditFor, requireRole } from '../http/auth-context'
import { requireStepUp } from '../http/step-up'
import { HttpError } from '../http/errors'
import { ChainBrokenError, describeRetention, listCheckpoints, purgeExpired, setRetention } from '../audit/retention'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody }

/** Audit retention (never below 90 days), purging with a signed checkpoint, and the checkpoints. */
export async function auditRetentionRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  app.get('/api/audit/retention', { schema: { tags: ['audit'], response: { 200: AuditRetention, ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return describeRetention(db, deps.now())
  })

  app.put('/api/audit/retention', { schema: { tags: ['audit'], body: AuditRetentionUpdate, response: { 200: AuditRetention, ...errors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    await requireStepUp(req, { action: 'audit.retention_change', targetType: 'audit' })
    await db.tx(async (q) => {
      const change = await setRetention(q, req.body.retentionDays, a.user.id, deps.now())
      await auditFor(req, q, { action: 'audit.retention_changed', targetType: 'audit', detail: { before: change.before, after: change.after } })
    })
    return describeRetention(db, deps.now())
  })

  app.post('/api/audit/purge', { schema: { tags: ['audit'], body: z.object({}).optional(), response: { 200: AuditPurgeResult, ...errors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    await requireStepUp(req, { action: 'audit.purge', targetType: 'audit' })
    try {
      return await db.tx((q) => purgeExpired(q, { checkpointKey: deps.secret, now: deps.now(), actorId: a.user.id, actorName: a.user.name, requestId: req.id }))
    } catch (e) {
      if (!(e instanceof ChainBrokenError)) throw e
      await db.tx((q) => auditFor(req, q, { action: 'audit.purge_refused', targetType: 'audit', detail: { firstBadSeq: e.firstBadSeq } }))
      throw new HttpError('conflict', `The audit chain does not verify (first bad entry #${e.firstBadSeq}); nothing was purged, so the evidence is kept`)
    }
  })

  app.get('/api/audit/checkpoints', { schema: { tags: ['audit'], response: { 200: z.object({ items: z.array(AuditCheckpoint) }), ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return { items: await listCheckpoints(db) }
  })
}
