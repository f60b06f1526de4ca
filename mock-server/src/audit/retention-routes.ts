import { ADMIN_ROLES, auditApi } from '@suite/domain'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { auditFor, requireRole } from '../http/auth-context'
import { requireStepUp } from '../http/step-up'
import { HttpError } from '../http/errors'
import { ChainBrokenError, describeRetention, listCheckpoints, purgeExpired, setRetention } from './retention'

/** Audit retention (never below 90 days), purging with a signed checkpoint, and the checkpoints. */
export async function auditRetentionRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  serve(app, auditApi.retention, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return describeRetention(db, deps.now())
  })

  serve(app, auditApi.setRetention, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    await requireStepUp(req, { action: 'audit.retention_change', targetType: 'audit' })
    await db.tx(async (q) => {
      const change = await setRetention(q, req.body.retentionDays, a.user.id, deps.now())
      await auditFor(req, q, {
        action: 'audit.retention_changed',
        targetType: 'audit',
        detail: { before: change.before, after: change.after },
      })
    })
    return describeRetention(db, deps.now())
  })

  serve(app, auditApi.purge, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    await requireStepUp(req, { action: 'audit.purge', targetType: 'audit' })
    try {
      return await db.tx((q) =>
        purgeExpired(q, {
          checkpointKey: deps.secret,
          now: deps.now(),
          actorId: a.user.id,
          actorName: a.user.name,
          requestId: req.id,
        }),
      )
    } catch (e) {
      if (!(e instanceof ChainBrokenError)) throw e
      await db.tx((q) =>
        auditFor(req, q, {
          action: 'audit.purge_refused',
          targetType: 'audit',
          detail: { firstBadSeq: e.firstBadSeq },
        }),
      )
      throw new HttpError(
        'conflict',
        `The audit chain does not verify (first bad entry #${e.firstBadSeq}); nothing was purged, so the evidence is kept`,
      )
    }
  })

  serve(app, auditApi.checkpoints, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return { items: await listCheckpoints(db) }
  })
}
