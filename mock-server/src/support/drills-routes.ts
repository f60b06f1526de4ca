import { randomBytes } from 'node:crypto'
import { supportApi } from '@suite/domain'
import { normaliseIdentifier } from '@suite/scam-check'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { auditFor, requireRole } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { enqueue, type JobHandler } from '../jobs/queue'
import { notify } from '../jobs/notify'
import { drillsRepo } from './drills-repo'
import { newId } from './ids'
import { channelsRepo } from './registry-repo'

const READERS = ['compliance_officer', 'it_admin'] as const
/** DingTalk takes at most 100 user ids per work notification. */
const BATCH = 100

/**
 * The job that sends a drill: picks its targets (staff of the chosen departments with a DingTalk
 * account), records them, and queues the simulated message. Runs once: a sent drill is skipped.
 */
export function drillSendHandler(deps: Deps): JobHandler {
  return async (job, { db }) => {
    await db.tx(async (q) => {
      const d = await drillsRepo.lockScheduled(q, String(job.payload.drillId))
      if (!d) return
      const targets = await drillsRepo.addTargets(q, d.id, d.departments)
      // The lure is the drill's own text, written by compliance as a scammer would: sent as written, not from a catalogue.
      const body = d.message_body.includes(d.lure_identifier)
        ? d.message_body
        : `${d.message_body}\n\n${d.lure_identifier}`
      for (let i = 0; i < targets.length; i += BATCH) {
        await notify(q, {
          userIds: targets.slice(i, i + BATCH),
          kind: `support.drill:${d.campaign_id}`,
          title: d.message_title,
          body,
          dedupeKey: `support-drill:${d.id}:${i}`,
        })
      }
      await drillsRepo.markSent(q, d.id, deps.now())
    })
  }
}

/** Drills (compliance officer) and the dashboard of report rates. */
export async function supportDrillRoutes(app: App, deps: Deps): Promise<void> {
  deps.jobHandlers['support.drill.send'] = drillSendHandler(deps)

  serve(app, supportApi.drills, async (req) => {
    requireRole(req, READERS)
    return { items: await drillsRepo.list(deps.db) }
  })

  serve(app, supportApi.createDrill, async (req) => {
    const { user } = requireRole(req, ['compliance_officer'])
    const b = req.body
    const lure = normaliseIdentifier(b.lureIdentifier, b.lureKind)
    if (!lure) {
      throw new HttpError('validation_failed', 'The drill contact is not valid', [
        { path: 'lureIdentifier', code: 'invalid_identifier', message: `Not a valid ${b.lureKind}` },
      ])
    }
    if (await channelsRepo.isPublished(deps.db, lure.kind, lure.value)) {
      throw new HttpError('validation_failed', 'A drill may not use an official channel as its lure', [
        { path: 'lureIdentifier', code: 'official_channel', message: 'This contact is an official channel' },
      ])
    }
    const scheduledAt = new Date(b.scheduledAt)
    const now = deps.now()
    const id = newId('drill')
    const hk = new Date(scheduledAt.getTime() + 8 * 3600_000)
    const campaignId = `DRILL-${hk.getUTCFullYear()}Q${Math.floor(hk.getUTCMonth() / 3) + 1}-${randomBytes(3).toString('hex').toUpperCase()}`
    await deps.db.tx(async (q) => {
      await drillsRepo.create(q, {
        id,
        campaignId,
        name: b.name,
        lureKind: lure.kind,
        lureIdentifier: b.lureIdentifier,
        lureKey: lure.key,
        messageTitle: b.messageTitle,
        messageBody: b.messageBody,
        departments: b.departments,
        scheduledAt,
        createdBy: user.id,
        now,
      })
      await enqueue(
        q,
        'support.drill.send',
        { drillId: id },
        { dedupeKey: `support-drill-send:${id}`, runAt: scheduledAt < now ? now : scheduledAt },
      )
      await auditFor(req, q, {
        action: 'support.drill.create',
        targetType: 'support_drill',
        targetId: id,
        detail: { campaignId, lureKey: lure.key, departments: b.departments, scheduledAt: scheduledAt.toISOString() },
      })
    })
    return (await drillsRepo.byId(deps.db, id))!
  })

  serve(app, supportApi.cancelDrill, async (req) => {
    requireRole(req, ['compliance_officer'])
    await deps.db.tx(async (q) => {
      const outcome = await drillsRepo.cancel(q, req.params.id)
      if (outcome === 'not_found') throw notFound('Drill not found')
      if (outcome === 'not_scheduled')
        throw new HttpError('conflict', 'Only a drill that has not been sent can be cancelled')
      await auditFor(req, q, { action: 'support.drill.cancel', targetType: 'support_drill', targetId: req.params.id })
    })
    return (await drillsRepo.byId(deps.db, req.params.id))!
  })

  serve(app, supportApi.dashboard, async (req) => {
    requireRole(req, READERS)
    return drillsRepo.dashboard(deps.db, req.query)
  })
}
