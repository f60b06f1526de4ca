import type { FastifyRequest } from 'fastify'
import {
  decide,
  isInternalRole,
  visibleTiers,
  CASE_ACTIONS,
  TIERS,
  type CaseAction,
  type Decision,
  type Subject,
  type Tier,
} from '@suite/domain'
import type { Queryable } from '../db/db'
import { loadSubject } from '../cases/access'
import { requireUser, type AuthContext } from '../http/auth-context'
import { forbidden, notFound } from '../http/errors'

/** A `cases` row. */
export interface CaseRow {
  id: string
  org_id: string
  number: string
  title: string
  client_name: string
  status: 'open' | 'on_hold' | 'closed'
  restricted_to_internal: boolean
  created_at: Date
  updated_at: Date
}

/** The caller, their permission subject in one case, and the case. */
export interface CaseAccess {
  auth: AuthContext
  subject: Subject
  caseRow: CaseRow
  internal: boolean
}

/** Turn a decision into nothing (allow) or the error the API answers with: 404 where existence must not leak. */
export function enforce(decision: Decision, what = 'Not found'): void {
  if (decision === 'not_found') throw notFound(what)
  if (decision === 'forbidden') throw forbidden()
}

/**
 * The caller's access to a case: 404 unless they can see at least one tier of it, so a
 * non-member, a walled user, an expired, revoked or suspended external all learn nothing.
 */
export async function openCase(q: Queryable, req: FastifyRequest, caseId: string, now: Date): Promise<CaseAccess> {
  const auth = requireUser(req)
  const caseRow = (await q.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [caseId])).rows[0]
  if (!caseRow) throw notFound('Case not found')
  const subject = await loadSubject(q, caseId, auth.user, now)
  if (visibleTiers(subject).length === 0) throw notFound('Case not found')
  return { auth, subject, caseRow, internal: isInternalRole(auth.user.role) }
}

/** {@link openCase}, then `action` on `tier` must be allowed. */
export async function openCaseFor(
  q: Queryable,
  req: FastifyRequest,
  caseId: string,
  now: Date,
  tier: Tier,
  action: CaseAction,
): Promise<CaseAccess> {
  const access = await openCase(q, req, caseId, now)
  enforce(decide(access.subject, tier, action))
  return access
}

/** Every allowed action per visible tier, for the app to show only what will work. */
export function abilities(subject: Subject): Partial<Record<Tier, CaseAction[]>> {
  const out: Partial<Record<Tier, CaseAction[]>> = {}
  for (const tier of TIERS) {
    const allowed = CASE_ACTIONS.filter((a) => decide(subject, tier, a) === 'allow')
    if (decide(subject, tier, 'list') !== 'not_found') out[tier] = allowed
  }
  return out
}

/**
 * Active members of a case who can see `tier` right now (walls, expiry and "restrict to
 * internal" applied), optionally leaving some out: the people a notification concerns.
 */
export async function membersWhoSee(
  q: Queryable,
  caseId: string,
  tier: Tier,
  now: Date,
  except: string[] = [],
): Promise<string[]> {
  const { rows } = await q.query<{
    user_id: string
    role: Subject['role']
    status: 'active'
    tier_ceiling: Tier
    expires_at: Date | null
    restricted_to_internal: boolean
  }>(
    `SELECT m.user_id, u.role, m.status, m.tier_ceiling, m.expires_at, c.restricted_to_internal
     FROM case_members m JOIN users u ON u.id = m.user_id JOIN cases c ON c.id = m.case_id
     WHERE m.case_id = $1 AND m.status = 'active' AND u.active`,
    [caseId],
  )
  return rows
    .filter((r) => {
      if (except.includes(r.user_id)) return false
      if (r.expires_at && new Date(r.expires_at).getTime() <= now.getTime()) return false
      if (!isInternalRole(r.role) && r.restricted_to_internal) return false
      return (
        decide({ role: r.role, membership: { status: 'active', tierCeiling: r.tier_ceiling } }, tier, 'list') !==
        'not_found'
      )
    })
    .map((r) => r.user_id)
}
