import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { Dashboard, DashboardQuery, Drill, DrillInput, DrillList, ErrorBody } from '@suite/domain'
import { normaliseIdentifier } from '@suite/scam-check'
import type { App, Deps } from '../deps'
import { auditFor, requireRole } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { enqueue, type JobHandler } from '../jobs/queue'
import { notify } from '../jobs/notify'
import { STAFF_SQL, newId } from '../support/ids'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const READERS = ['compliance_officer', 'it_admin'] as const
/** DingTalk takes at most 100 user ids per work notification. */
const BATCH = 100

interface DrillRow {
  id: string; campaign_id: string; name: string; lure_kind: Drill['lureKind']; lure_identifier: string; message_title: string; message_body: string
  departments: string[]; status: Drill['status']; scheduled_at: Date; sent_at: Date | null; created_at: Date; created_by_name: string | null
  targets: number; reported: number
}

const DRILL_SELECT = `
  SELECT d.*, u.name AS created_by_name,
    (SELECT count(*)::int FROM support_drill_targets t WHERE t.drill_id = d.id) AS targets,
    (SELECT count(*)::int FROM support_drill_targets t WHERE t.drill_id = d.id AND t.reported_at IS NOT NULL) AS reported
  FROM support_drills d LEFT JOIN users u ON u.id = d.created_by`

const toDrill = (r: DrillRow): Drill => ({
  id: r.id, campaignId: r.campaign_id, name: r.name, lureKind: r.lure_kind, lureIdentifier: r.lure_identifier, messageTitle: r.message_title,
  messageBody: r.message_body, departments: r.departments ?? [], status: r.status, scheduledAt: new Date(r.scheduled_at).toISOString(),
  sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null, targets: r.targets, reported: r.reported,
  reportRate: r.status === 'sent' && r.targets > 0 ? r.reported / r.targets : null, createdByName: r.created_by_name, createdAt: new Date(r.created_at).toISOString(),
})

/** Quarter of a timestamp in Hong Kong time, e.g. `2026-Q3`. */
const QUARTER_SQL = (col: string) => `to_char((${col}) AT TIME ZONE 'Asia/Hong_Kong', 'YYYY') || '-Q' || to_char((${col}) AT TIME ZONE 'Asia/Hong_Kong', 'Q')`

/**
 * The job that sends a drill: picks its targets (staff of the chosen departments with a DingTalk
 * account), records them, and queues the simulated message. Runs once: a sent drill is skipped.
 */
export function drillSendHandler(deps: Deps): JobHandler {
  return async (job, { db }) => {
    await db.tx(async (q) => {
      const d = (await q.query<DrillRow>("SELECT * FROM support_drills WHERE id = $1 AND status = 'scheduled' FOR UPDATE", [String(job.payload.drillId)])).rows[0]
      if (!d) return
      const params: unknown[] = []
      let where = `${STAFF_SQL} AND dingtalk_user_id IS NOT NULL`
      if (d.departments?.length) { params.push(d.departments); where += ` AND department = ANY($1::text[])` }
      const targets = (await q.query<{ id: string; department: string | null }>(`SELECT id, department FROM users WHERE ${where} ORDER BY id`, params)).rows
      for (const t of targets) {
        await q.query('INSERT INTO support_drill_targets (drill_id, user_id, department) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [d.id, t.id, t.department])
      }
      const body = d.message_body.includes(d.lure_identifier) ? d.message_body : `${d.message_body}\n\n${d.lure_identifier}`
      for (let i = 0; i < targets.length; i += BATCH) {
        await notify(q, { userIds: targets.slice(i, i + BATCH).map((t) => t.id), kind: `support.drill:${d.campaign_id}`, title: d.message_title, body, dedupeKey: `support-drill:${d.id}:${i}` })
      }
      await q.query("UPDATE support_drills SET status = 'sent', sent_at = $2 WHERE id = $1", [d.id, deps.now()])
    })
  }
}

/** Drills (compliance officer) and the dashboard of report rates. */
export async function supportDrillRoutes(app: App, deps: Deps): Promise<void> {
  deps.jobHandlers['support.drill.send'] = drillSendHandler(deps)

  app.get('/api/support/drills', { schema: { tags: ['support'], response: { 200: DrillList, ...errors } } }, async (req) => {
    requireRole(req, READERS)
    const { rows } = await deps.db.query<DrillRow>(`${DRILL_SELECT} ORDER BY d.scheduled_at DESC, d.id LIMIT 500`)
    return { items: rows.map(toDrill) }
  })

  app.post('/api/support/drills', { schema: { tags: ['support'], body: DrillInput, response: { 201: Drill, ...errors } } }, async (req, reply) => {
    const { user } = requireRole(req, ['compliance_officer'])
    const lure = normaliseIdentifier(req.body.lureIdentifier, req.body.lureKind)
    if (!lure) throw new HttpError('validation_failed', 'The drill contact is not valid', [{ path: 'lureIdentifier', code: 'invalid_identifier', message: `Not a valid ${req.body.lureKind}` }])
    const official = await deps.db.query("SELECT 1 FROM support_channels WHERE kind = $1 AND value = $2 AND status = 'published'", [lure.kind, lure.value])
    if (official.rows.length) throw new HttpError('validation_failed', 'A drill may not use an official channel as its lure', [{ path: 'lureIdentifier', code: 'official_channel', message: 'This contact is an official channel' }])
    const scheduledAt = new Date(req.body.scheduledAt)
    const now = deps.now()
    const id = newId('drill')
    const hk = new Date(scheduledAt.getTime() + 8 * 3600_000)
    const campaignId = `DRILL-${hk.getUTCFullYear()}Q${Math.floor(hk.getUTCMonth() / 3) + 1}-${randomBytes(3).toString('hex').toUpperCase()}`
    await deps.db.tx(async (q) => {
      await q.query(
        `INSERT INTO support_drills (id, campaign_id, name, lure_kind, lure_identifier, lure_key, message_title, message_body, departments, scheduled_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12)`,
        [id, campaignId, req.body.name, lure.kind, req.body.lureIdentifier, lure.key, req.body.messageTitle, req.body.messageBody, req.body.departments, scheduledAt, user.id, now])
      await enqueue(q, 'support.drill.send', { drillId: id }, { dedupeKey: `support-drill-send:${id}`, runAt: scheduledAt < now ? now : scheduledAt })
      await auditFor(req, q, { action: 'support.drill.create', targetType: 'support_drill', targetId: id, detail: { campaignId, lureKey: lure.key, departments: req.body.departments, scheduledAt: scheduledAt.toISOString() } })
    })
    const row = (await deps.db.query<DrillRow>(`${DRILL_SELECT} WHERE d.id = $1`, [id])).rows[0]!
    return reply.code(201).send(toDrill(row))
  })

  app.post('/api/support/drills/:id/cancel', { schema: { tags: ['support'], params: z.object({ id: z.string().max(64) }), response: { 200: Drill, ...errors } } }, async (req) => {
    requireRole(req, ['compliance_officer'])
    await deps.db.tx(async (q) => {
      const r = await q.query("UPDATE support_drills SET status = 'cancelled' WHERE id = $1 AND status = 'scheduled' RETURNING id", [req.params.id])
      if (!r.rows.length) {
        const exists = await q.query('SELECT status FROM support_drills WHERE id = $1', [req.params.id])
        if (!exists.rows.length) throw notFound('Drill not found')
        throw new HttpError('conflict', 'Only a drill that has not been sent can be cancelled')
      }
      await auditFor(req, q, { action: 'support.drill.cancel', targetType: 'support_drill', targetId: req.params.id })
    })
    return toDrill((await deps.db.query<DrillRow>(`${DRILL_SELECT} WHERE d.id = $1`, [req.params.id])).rows[0]!)
  })

  app.get('/api/support/dashboard', { schema: { tags: ['support'], querystring: DashboardQuery, response: { 200: Dashboard, ...errors } } }, async (req) => {
    requireRole(req, READERS)
    const range = (col: string, params: unknown[]) => {
      const w: string[] = []
      if (req.query.from) { params.push(req.query.from); w.push(`${col} >= ($${params.length}::date)::timestamp AT TIME ZONE 'Asia/Hong_Kong'`) }
      if (req.query.to) { params.push(req.query.to); w.push(`${col} < (($${params.length}::date + 1)::timestamp AT TIME ZONE 'Asia/Hong_Kong')`) }
      return w.length ? ` AND ${w.join(' AND ')}` : ''
    }
    const p1: unknown[] = []
    const drills = (await deps.db.query<{ department: string; quarter: string; targets: number; reported: number }>(
      `SELECT COALESCE(t.department, '') AS department, ${QUARTER_SQL('d.sent_at')} AS quarter, count(*)::int AS targets, count(t.reported_at)::int AS reported
       FROM support_drill_targets t JOIN support_drills d ON d.id = t.drill_id WHERE d.status = 'sent'${range('d.sent_at', p1)}
       GROUP BY 1, 2 ORDER BY 2, 1`, p1)).rows
    const p2: unknown[] = []
    const real = (await deps.db.query<{ department: string; quarter: string; reports: number; confirmed: number }>(
      `SELECT COALESCE(r.department, '') AS department, ${QUARTER_SQL('r.received_at')} AS quarter, count(*)::int AS reports,
         count(*) FILTER (WHERE r.status = 'confirmed_scam')::int AS confirmed
       FROM support_reports r WHERE r.drill_id IS NULL${range('r.received_at', p2)} GROUP BY 1, 2 ORDER BY 2, 1`, p2)).rows
    const quarters = [...new Set([...drills.map((d) => d.quarter), ...real.map((r) => r.quarter)])].sort()
    const departments = [...new Set([...drills.map((d) => d.department), ...real.map((r) => r.department)])].sort()
    return { quarters, departments, drillRates: drills.map((d) => ({ ...d, rate: d.targets ? d.reported / d.targets : 0 })), realReports: real }
  })
}
