import {
  effectiveMemberStatus,
  isInternalRole,
  type CaseMemberView,
  type MemberStatus,
  type Role,
  type Tier,
} from '@suite/domain'
import type { Queryable } from '../db/db'

/** A `case_members` row with the person's name and role, the case's switch and the milestone their access is bound to. */
export interface MemberRow {
  case_id: string
  user_id: string
  status: MemberStatus
  tier_ceiling: Tier
  expires_at: Date | null
  wall_reason: string | null
  added_at: Date
  name: string
  role: Role
  title: string | null
  restricted_to_internal: boolean
  expiry_milestone_id: string | null
  milestone_title: string | null
  milestone_reached_at: Date | null
}

const MEMBER_SQL = `SELECT m.case_id, m.user_id, m.status, m.tier_ceiling, m.expires_at, m.wall_reason, m.added_at, m.expiry_milestone_id,
    u.name, u.role, u.title, c.restricted_to_internal, e.title AS milestone_title, e.reached_at AS milestone_reached_at
  FROM case_members m JOIN users u ON u.id = m.user_id JOIN cases c ON c.id = m.case_id
  LEFT JOIN case_events e ON e.id = m.expiry_milestone_id`

/** Map a membership row to the wire shape, with the status that counts now. */
export function toMemberView(r: MemberRow, now: Date): CaseMemberView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
  return {
    userId: r.user_id as CaseMemberView['userId'],
    name: r.name,
    role: r.role,
    title: r.title,
    internal: isInternalRole(r.role),
    status: effectiveMemberStatus(
      { status: r.status, expiresAt: r.expires_at },
      { role: r.role, restrictedToInternal: r.restricted_to_internal, now },
    ),
    tierCeiling: r.tier_ceiling,
    expiresAt: iso(r.expires_at),
    expiryMilestone: r.expiry_milestone_id
      ? { id: r.expiry_milestone_id as never, title: r.milestone_title ?? '', reachedAt: iso(r.milestone_reached_at) }
      : null,
    wallReason: r.wall_reason,
    addedAt: new Date(r.added_at).toISOString(),
  }
}

/** An external whose access ends soon, and who to tell. */
export interface ExpiringExternal {
  case_id: string
  user_id: string
  name: string
  expires_at: Date
  added_by: string | null
  number: string
}

/** The `case_members` table: who is in a case, with which tier ceiling, until when, and who is walled off. */
export const membersRepo = {
  /** Every membership of a case (walls and ended ones included), by name. */
  async list(q: Queryable, caseId: string): Promise<MemberRow[]> {
    return (await q.query<MemberRow>(`${MEMBER_SQL} WHERE m.case_id = $1 ORDER BY u.name`, [caseId])).rows
  },

  /** One membership, or null. */
  async find(q: Queryable, caseId: string, userId: string): Promise<MemberRow | null> {
    return (
      (await q.query<MemberRow>(`${MEMBER_SQL} WHERE m.case_id = $1 AND m.user_id = $2`, [caseId, userId])).rows[0] ??
      null
    )
  },

  /** Make a firm member active with `tierCeiling`, whatever they were before (a wall is checked by the caller). */
  async addInternal(
    q: Queryable,
    m: { caseId: string; userId: string; tierCeiling: Tier; addedBy: string; now: Date },
  ): Promise<void> {
    await q.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, added_by, added_at) VALUES ($1, $2, 'active', $3, $4, $5)
       ON CONFLICT (case_id, user_id) DO UPDATE SET status = 'active', tier_ceiling = EXCLUDED.tier_ceiling, added_by = EXCLUDED.added_by,
         added_at = EXCLUDED.added_at, revoked_by = NULL, revoked_at = NULL, expires_at = NULL`,
      [m.caseId, m.userId, m.tierCeiling, m.addedBy, m.now],
    )
  },

  /** A new external member, their access ending on a date or at a milestone. */
  async addExternal(
    q: Queryable,
    m: {
      caseId: string
      userId: string
      tierCeiling: Tier
      expiresAt: Date | null
      milestoneId: string | null
      addedBy: string
      now: Date
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, expires_at, expiry_milestone_id, added_by, added_at)
       VALUES ($1, $2, 'active', $3, $4, $5, $6, $7)`,
      [m.caseId, m.userId, m.tierCeiling, m.expiresAt, m.milestoneId, m.addedBy, m.now],
    )
  },

  async revoke(q: Queryable, caseId: string, userId: string, by: string, now: Date): Promise<void> {
    await q.query(
      `UPDATE case_members SET status = 'revoked', revoked_by = $3, revoked_at = $4 WHERE case_id = $1 AND user_id = $2`,
      [caseId, userId, by, now],
    )
  },

  /** Wall a person off the case (a membership row is made when they had none). */
  async wall(
    q: Queryable,
    w: { caseId: string; userId: string; reason: string; by: string; now: Date },
  ): Promise<void> {
    await q.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, wall_reason, walled_by, walled_at, added_by, added_at)
       VALUES ($1, $2, 'walled', 'private', $3, $4, $5, $4, $5)
       ON CONFLICT (case_id, user_id) DO UPDATE SET status = 'walled', wall_reason = EXCLUDED.wall_reason, walled_by = EXCLUDED.walled_by,
         walled_at = EXCLUDED.walled_at`,
      [w.caseId, w.userId, w.reason, w.by, w.now],
    )
  },

  /** Lift a wall, leaving the person revoked; false when there was no wall. */
  async liftWall(q: Queryable, caseId: string, userId: string, by: string, now: Date): Promise<boolean> {
    const r = await q.query(
      `UPDATE case_members SET status = 'revoked', wall_reason = NULL, revoked_by = $3, revoked_at = $4
       WHERE case_id = $1 AND user_id = $2 AND status = 'walled'`,
      [caseId, userId, by, now],
    )
    return r.rowCount > 0
  },

  /** End now the access of every active member bound to a milestone just reached; their ids. */
  async endAccessAtMilestone(q: Queryable, caseId: string, milestoneId: string, now: Date): Promise<string[]> {
    const { rows } = await q.query<{ user_id: string }>(
      `UPDATE case_members SET expires_at = $3
       WHERE case_id = $1 AND expiry_milestone_id = $2 AND status = 'active' AND (expires_at IS NULL OR expires_at > $3) RETURNING user_id`,
      [caseId, milestoneId, now],
    )
    return rows.map((r) => r.user_id)
  },

  /** Whether the person is an active member of another case too. */
  async activeElsewhere(q: Queryable, userId: string, caseId: string): Promise<boolean> {
    const { rows } = await q.query(
      "SELECT 1 FROM case_members WHERE user_id = $1 AND case_id <> $2 AND status = 'active' LIMIT 1",
      [userId, caseId],
    )
    return rows.length > 0
  },

  /** Active externals of every case whose access ends in (`from`, `to`]. */
  async externalsExpiring(q: Queryable, from: Date, to: Date): Promise<ExpiringExternal[]> {
    return (
      await q.query<ExpiringExternal>(
        `SELECT m.case_id, m.user_id, u.name, m.expires_at, m.added_by, c.number FROM case_members m
       JOIN users u ON u.id = m.user_id JOIN cases c ON c.id = m.case_id
       WHERE m.status = 'active' AND u.role IN ('client','external_expert') AND m.expires_at > $1 AND m.expires_at <= $2`,
        [from, to],
      )
    ).rows
  },

  /** The active partners of a case. */
  async activePartners(q: Queryable, caseId: string): Promise<string[]> {
    const { rows } = await q.query<{ user_id: string }>(
      `SELECT m.user_id FROM case_members m JOIN users u ON u.id = m.user_id
       WHERE m.case_id = $1 AND m.status = 'active' AND u.role = 'partner'`,
      [caseId],
    )
    return rows.map((r) => r.user_id)
  },
}
