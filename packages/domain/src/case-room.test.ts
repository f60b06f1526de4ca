import { describe, expect, it } from 'vitest'
import { AccessExpiry, InvitationCreate, decideMove, endOfHongKongDay, type Subject, type Tier } from './index'

const partner = (tierCeiling: Tier): Subject => ({ role: 'partner', membership: { status: 'active', tierCeiling } })

describe('decideMove', () => {
  it('needs move on the document’s tier (404 when hidden) and on the destination (403 when beyond reach)', () => {
    expect(decideMove(partner('private'), 'private', 'restricted')).toBe('allow')
    expect(decideMove(partner('public'), 'public', 'restricted')).toBe('forbidden')
    expect(decideMove(partner('restricted'), 'private', 'public')).toBe('not_found')
    expect(
      decideMove(
        { role: 'associate', membership: { status: 'active', tierCeiling: 'private' } },
        'private',
        'restricted',
      ),
    ).toBe('forbidden')
    expect(
      decideMove({ role: 'partner', membership: { status: 'walled', tierCeiling: 'private' } }, 'public', 'restricted'),
    ).toBe('not_found')
  })
})

describe('access expiry', () => {
  it('a date means through the end of that Hong Kong day', () => {
    expect(endOfHongKongDay('2026-06-30').toISOString()).toBe('2026-06-30T16:00:00.000Z')
  })

  it('an invitation carries a date or a milestone, never a private ceiling', () => {
    expect(AccessExpiry.safeParse({ kind: 'milestone', milestoneId: 'evt-1' }).success).toBe(true)
    expect(AccessExpiry.safeParse({ kind: 'date', date: '30/06/2026' }).success).toBe(false)
    const base = {
      name: 'Choi CPA',
      role: 'client',
      accessExpiry: { kind: 'date', date: '2026-06-30' },
      contact: '+852 9123 4567',
    }
    expect(InvitationCreate.safeParse({ ...base, tierCeiling: 'private' }).success).toBe(false)
    expect(InvitationCreate.parse({ ...base, tierCeiling: 'restricted' }).linkValidHours).toBe(72)
  })
})
