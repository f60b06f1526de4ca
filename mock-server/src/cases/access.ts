import {
  isInternalRole,
  effectiveMemberStatus,
  type MemberStatus,
  type Role,
  type Subject,
  type Tier,
} from '@suite/domain'
import type { Queryable } from '../db/db'

/**
 * SQL that keeps only the cases a user may know of: an active, unexpired membership that is
 * not walled, and for externals a case not restricted to internal members. `$user` and `$now`
 * are the parameter numbers of the user id and the current time. Permission checks run in SQL,
 * so a listing never loads rows the caller cannot see.
 */
export function visibleCaseSql(
  alias: { c: string; m: string },
  role: Role,
  userParam: number,
  nowParam: number,
): string {
  const external = !isInternalRole(role)
  return `${alias.m}.user_id = $${userParam} AND ${alias.m}.status = 'active'
    AND (${alias.m}.expires_at IS NULL OR ${alias.m}.expires_at > $${nowParam})
    ${external ? `AND NOT ${alias.c}.restricted_to_internal` : ''}`
}

/** The permission subject of a user in one case (null membership when none). */
export async function loadSubject(
  q: Queryable,
  caseId: string,
  user: { id: string; role: Role },
  now: Date,
): Promise<Subject> {
  const { rows } = await q.query<{
    status: MemberStatus
    tier_ceiling: Tier
    expires_at: Date | null
    restricted_to_internal: boolean
  }>(
    `SELECT m.status, m.tier_ceiling, m.expires_at, c.restricted_to_internal
     FROM case_members m JOIN cases c ON c.id = m.case_id WHERE m.case_id = $1 AND m.user_id = $2`,
    [caseId, user.id],
  )
  const r = rows[0]
  if (!r) return { role: user.role, membership: null }
  const status = effectiveMemberStatus(
    { status: r.status, expiresAt: r.expires_at },
    { role: user.role, restrictedToInternal: r.restricted_to_internal, now },
  )
  return { role: user.role, membership: { status, tierCeiling: r.tier_ceiling } }
}
