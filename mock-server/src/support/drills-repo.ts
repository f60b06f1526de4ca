import type { Dashboard, Drill, DashboardQuery } from '@suite/domain'
import type { Queryable } from '../db/db'
import { STAFF_SQL } from './registry-repo'

/** A `support_drills` row with its creator's name and its target and report counts. */
export interface DrillRow {
  id: string
  campaign_id: string
  name: string
  lure_kind: Drill['lureKind']
  lure_identifier: string
  message_title: string
  message_body: string
  departments: string[]
  status: Drill['status']
  scheduled_at: Date
  sent_at: Date | null
  created_at: Date
  created_by_name: string | null
  targets: number
  reported: number
}

const DRILL_SELECT = `
  SELECT d.*, u.name AS created_by_name,
    (SELECT count(*)::int FROM support_drill_targets t WHERE t.drill_id = d.id) AS targets,
    (SELECT count(*)::int FROM support_drill_targets t WHERE t.drill_id = d.id AND t.reported_at IS NOT NULL) AS reported
  FROM support_drills d LEFT JOIN users u ON u.id = d.created_by`

/** Map a drill row to the wire shape. */
export const toDrill = (r: DrillRow): Drill => ({
  id: r.id,
  campaignId: r.campaign_id,
  name: r.name,
  lureKind: r.lure_kind,
  lureIdentifier: r.lure_identifier,
  messageTitle: r.message_title,
  messageBody: r.message_body,
  departments: r.departments ?? [],
  status: r.status,
  scheduledAt: new Date(r.scheduled_at).toISOString(),
  sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  targets: r.targets,
  reported: r.reported,
  reportRate: r.status === 'sent' && r.targets > 0 ? r.reported / r.targets : null,
  createdByName: r.created_by_name,
  createdAt: new Date(r.created_at).toISOString(),
})

/** Quarter of a timestamp in Hong Kong time, e.g. `2026-Q3`. */
const QUARTER_SQL = (col: string) =>
  `to_char((${col}) AT TIME ZONE 'Asia/Hong_Kong', 'YYYY') || '-Q' || to_char((${col}) AT TIME ZONE 'Asia/Hong_Kong', 'Q')`

/** A Hong Kong date range on a timestamp column as SQL, its values added to `params`. */
function range(col: string, f: DashboardQuery, params: unknown[]): string {
  const w: string[] = []
  if (f.from) {
    params.push(f.from)
    w.push(`${col} >= ($${params.length}::date)::timestamp AT TIME ZONE 'Asia/Hong_Kong'`)
  }
  if (f.to) {
    params.push(f.to)
    w.push(`${col} < (($${params.length}::date + 1)::timestamp AT TIME ZONE 'Asia/Hong_Kong')`)
  }
  return w.length ? ` AND ${w.join(' AND ')}` : ''
}

/** A drill to schedule. */
export interface NewDrill {
  id: string
  campaignId: string
  name: string
  lureKind: string
  lureIdentifier: string
  lureKey: string
  messageTitle: string
  messageBody: string
  departments: string[]
  scheduledAt: Date
  createdBy: string
  now: Date
}

/** Drills: scheduling, sending, who reported them, and the dashboard. */
export const drillsRepo = {
  /** Drills, latest scheduled first (500 at most). */
  async list(q: Queryable): Promise<Drill[]> {
    return (await q.query<DrillRow>(`${DRILL_SELECT} ORDER BY d.scheduled_at DESC, d.id LIMIT 500`)).rows.map(toDrill)
  },

  async byId(q: Queryable, id: string): Promise<Drill | null> {
    const r = (await q.query<DrillRow>(`${DRILL_SELECT} WHERE d.id = $1`, [id])).rows[0]
    return r ? toDrill(r) : null
  },

  async create(q: Queryable, d: NewDrill): Promise<void> {
    await q.query(
      `INSERT INTO support_drills (id, campaign_id, name, lure_kind, lure_identifier, lure_key, message_title, message_body, departments, scheduled_at, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12)`,
      [
        d.id,
        d.campaignId,
        d.name,
        d.lureKind,
        d.lureIdentifier,
        d.lureKey,
        d.messageTitle,
        d.messageBody,
        d.departments,
        d.scheduledAt,
        d.createdBy,
        d.now,
      ],
    )
  },

  /** Cancel a drill not yet sent: `cancelled`, or why not. */
  async cancel(q: Queryable, id: string): Promise<'cancelled' | 'not_found' | 'not_scheduled'> {
    const r = await q.query(
      "UPDATE support_drills SET status = 'cancelled' WHERE id = $1 AND status = 'scheduled' RETURNING id",
      [id],
    )
    if (r.rows.length) return 'cancelled'
    return (await q.query('SELECT status FROM support_drills WHERE id = $1', [id])).rows.length
      ? 'not_scheduled'
      : 'not_found'
  },

  /** A drill still to be sent, locked for sending; null when it was sent or cancelled. */
  async lockScheduled(q: Queryable, id: string): Promise<DrillRow | null> {
    return (
      (await q.query<DrillRow>("SELECT * FROM support_drills WHERE id = $1 AND status = 'scheduled' FOR UPDATE", [id]))
        .rows[0] ?? null
    )
  },

  /** Record who the drill goes to: internal staff of its departments (all when none) with a DingTalk account. Their ids, in order. */
  async addTargets(q: Queryable, drillId: string, departments: string[] | null): Promise<string[]> {
    const params: unknown[] = []
    let where = `${STAFF_SQL} AND dingtalk_user_id IS NOT NULL`
    if (departments?.length) {
      params.push(departments)
      where += ' AND department = ANY($1::text[])'
    }
    const targets = (
      await q.query<{ id: string; department: string | null }>(
        `SELECT id, department FROM users WHERE ${where} ORDER BY id`,
        params,
      )
    ).rows
    for (const t of targets) {
      await q.query(
        'INSERT INTO support_drill_targets (drill_id, user_id, department) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [drillId, t.id, t.department],
      )
    }
    return targets.map((t) => t.id)
  },

  async markSent(q: Queryable, id: string, now: Date): Promise<void> {
    await q.query("UPDATE support_drills SET status = 'sent', sent_at = $2 WHERE id = $1", [id, now])
  },

  /** The latest sent drill whose lure is this contact and that went to this user, if any. */
  async sentTo(q: Queryable, lureKey: string, userId: string): Promise<{ id: string; campaign_id: string } | null> {
    return (
      (
        await q.query<{ id: string; campaign_id: string }>(
          `SELECT d.id, d.campaign_id FROM support_drills d JOIN support_drill_targets t ON t.drill_id = d.id
       WHERE d.status = 'sent' AND d.lure_key = $1 AND t.user_id = $2 ORDER BY d.sent_at DESC LIMIT 1`,
          [lureKey, userId],
        )
      ).rows[0] ?? null
    )
  },

  /** The target reported the drill (the first report counts). */
  async markReported(q: Queryable, drillId: string, userId: string, now: Date): Promise<void> {
    await q.query(
      'UPDATE support_drill_targets SET reported_at = $3 WHERE drill_id = $1 AND user_id = $2 AND reported_at IS NULL',
      [drillId, userId, now],
    )
  },

  /** Drill report rates and real reports by department and Hong Kong quarter, within the dates given. */
  async dashboard(q: Queryable, f: DashboardQuery): Promise<Dashboard> {
    const p1: unknown[] = []
    const drills = (
      await q.query<{ department: string; quarter: string; targets: number; reported: number }>(
        `SELECT COALESCE(t.department, '') AS department, ${QUARTER_SQL('d.sent_at')} AS quarter, count(*)::int AS targets, count(t.reported_at)::int AS reported
       FROM support_drill_targets t JOIN support_drills d ON d.id = t.drill_id WHERE d.status = 'sent'${range('d.sent_at', f, p1)}
       GROUP BY 1, 2 ORDER BY 2, 1`,
        p1,
      )
    ).rows
    const p2: unknown[] = []
    const real = (
      await q.query<{ department: string; quarter: string; reports: number; confirmed: number }>(
        `SELECT COALESCE(r.department, '') AS department, ${QUARTER_SQL('r.received_at')} AS quarter, count(*)::int AS reports,
         count(*) FILTER (WHERE r.status = 'confirmed_scam')::int AS confirmed
       FROM support_reports r WHERE r.drill_id IS NULL${range('r.received_at', f, p2)} GROUP BY 1, 2 ORDER BY 2, 1`,
        p2,
      )
    ).rows
    const quarters = [...new Set([...drills.map((d) => d.quarter), ...real.map((r) => r.quarter)])].sort()
    const departments = [...new Set([...drills.map((d) => d.department), ...real.map((r) => r.department)])].sort()
    return {
      quarters,
      departments,
      drillRates: drills.map((d) => ({ ...d, rate: d.targets ? d.reported / d.targets : 0 })),
      realReports: real,
    }
  },
}
