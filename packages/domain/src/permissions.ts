import { z } from 'zod'
import { type Role, isInternalRole } from './roles'

/** The three areas of a case room, from least to most protected. */
export const TIERS = ['public', 'restricted', 'private'] as const
export const Tier = z.enum(TIERS)
export type Tier = z.infer<typeof Tier>

/** Everything a member can try to do to an item of a tier. */
export const CASE_ACTIONS = [
  'list',
  'view',
  'download',
  'upload',
  'comment',
  'edit',
  'delete',
  'move',
  'invite',
  'revoke',
] as const
export const CaseAction = z.enum(CASE_ACTIONS)
export type CaseAction = z.infer<typeof CaseAction>

/**
 * State of someone's membership of one case. `walled` is an ethical wall (internal users),
 * `expired` / `revoked` / `suspended` apply to external members ("restrict to internal" suspends).
 */
export const MEMBER_STATUSES = ['active', 'walled', 'expired', 'revoked', 'suspended'] as const
export const MemberStatus = z.enum(MEMBER_STATUSES)
export type MemberStatus = z.infer<typeof MemberStatus>

const ALL: readonly CaseAction[] = CASE_ACTIONS
const WORK: readonly CaseAction[] = ['list', 'view', 'download', 'upload', 'comment', 'edit', 'delete']
const CONTRIBUTE: readonly CaseAction[] = ['list', 'view', 'download', 'upload', 'comment']
const READ: readonly CaseAction[] = ['list', 'view']
const EXTERNAL_PUBLIC: readonly CaseAction[] = ['list', 'view', 'download', 'upload', 'comment']
/** Restricted drafts: view and comment only; the original bytes never reach an external viewer. */
const EXTERNAL_RESTRICTED: readonly CaseAction[] = ['list', 'view', 'comment']

/**
 * The permission table for an *active* member, by role and tier. It is data: the server's
 * checks and the API-level matrix test are both generated from it.
 */
export const PERMISSION_TABLE: Readonly<Record<Role, Readonly<Record<Tier, readonly CaseAction[]>>>> = {
  partner: { public: ALL, restricted: ALL, private: ALL },
  associate: { public: WORK, restricted: WORK, private: WORK },
  staff: { public: CONTRIBUTE, restricted: CONTRIBUTE, private: CONTRIBUTE },
  it_admin: { public: READ, restricted: READ, private: READ },
  compliance_officer: { public: READ, restricted: READ, private: READ },
  client: { public: EXTERNAL_PUBLIC, restricted: EXTERNAL_RESTRICTED, private: [] },
  external_expert: { public: EXTERNAL_PUBLIC, restricted: EXTERNAL_RESTRICTED, private: [] },
}

/** Whom a decision is about: their role, and their membership of the case (null = not a member). */
export interface Subject {
  role: Role
  membership: { status: MemberStatus; tierCeiling: Tier } | null
}

/**
 * `allow`, `forbidden` (403: the item is visible but the action is not allowed) or `not_found`
 * (404: the item must not even be known to exist for this person).
 */
export type Decision = 'allow' | 'forbidden' | 'not_found'

const TIER_RANK: Record<Tier, number> = { public: 0, restricted: 1, private: 2 }

/** True when `tier` is at or below `ceiling`. */
export function tierWithin(tier: Tier, ceiling: Tier): boolean {
  return TIER_RANK[tier] <= TIER_RANK[ceiling]
}

/** Tiers a member can see at all, in order. */
export function visibleTiers(subject: Subject): Tier[] {
  return TIERS.filter((t) => decide(subject, t, 'list') !== 'not_found')
}

/**
 * Decide one action on one tier of a case. Order matters and mirrors iManage: the ethical
 * wall is checked first, so no grant (not even the partner role) can breach it; then lapsed
 * external access; then the tier ceiling; then the table.
 */
export function decide(subject: Subject, tier: Tier, action: CaseAction): Decision {
  const m = subject.membership
  if (!m) return 'not_found'
  if (m.status === 'walled') return 'not_found'
  if (m.status !== 'active') return 'not_found'
  const internal = isInternalRole(subject.role)
  if (!internal && tier === 'private') return 'not_found'
  if (!tierWithin(tier, m.tierCeiling)) return 'not_found'
  return PERMISSION_TABLE[subject.role][tier].includes(action) ? 'allow' : 'forbidden'
}

/** Convenience: `decide(...) === 'allow'`. */
export function can(subject: Subject, tier: Tier, action: CaseAction): boolean {
  return decide(subject, tier, action) === 'allow'
}

/** HTTP status a decision maps to (200 for allow). */
export function decisionStatus(decision: Decision): 200 | 403 | 404 {
  return decision === 'allow' ? 200 : decision === 'forbidden' ? 403 : 404
}

/** Moving a document to a less protected tier needs a partner and a written reason. */
export function isDowngrade(from: Tier, to: Tier): boolean {
  return TIER_RANK[to] < TIER_RANK[from]
}

/**
 * The status that counts right now. A stored `active` membership of an external lapses on its
 * own when its expiry passes or while the case is restricted to internal members; no job has
 * to run first, so "loses access on the next request" holds.
 */
export function effectiveMemberStatus(
  m: { status: MemberStatus; expiresAt: string | Date | null },
  ctx: { role: Role; restrictedToInternal: boolean; now: Date },
): MemberStatus {
  if (m.status !== 'active') return m.status
  if (m.expiresAt && new Date(m.expiresAt).getTime() <= ctx.now.getTime()) return 'expired'
  if (!isInternalRole(ctx.role) && ctx.restrictedToInternal) return 'suspended'
  return 'active'
}
