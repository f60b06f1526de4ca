import { decide, type CaseMemberView, type Tier } from '@suite/domain'

/** True when `m` can see items of `tier` right now (walls, expiry and suspension already applied by the server). */
export function canSee(m: CaseMemberView, tier: Tier): boolean {
  return (
    m.status === 'active' &&
    decide({ role: m.role, membership: { status: m.status, tierCeiling: m.tierCeiling } }, tier, 'list') !== 'not_found'
  )
}

/**
 * The members who would see a document in `to` but cannot see it in `from`: the people a move
 * lets in (and whom the server will notify). The mover is left out.
 */
export function whoGainsAccess(members: CaseMemberView[], from: Tier, to: Tier, moverId?: string): CaseMemberView[] {
  return members.filter((m) => m.userId !== moverId && canSee(m, to) && !canSee(m, from))
}
