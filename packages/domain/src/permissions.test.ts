import { describe, expect, it } from 'vitest'
import {
  CASE_ACTIONS,
  MEMBER_STATUSES,
  PERMISSION_TABLE,
  TIERS,
  decide,
  decisionStatus,
  effectiveMemberStatus,
  isDowngrade,
  visibleTiers,
  type CaseAction,
  type Decision,
  type Role,
  type Tier,
} from './index'

/** The table a reviewer reads: one row per role and tier, the allowed actions spelled out. */
const expected: Record<Role, Record<Tier, string>> = {
  partner: {
    public: 'list view download upload comment edit delete move invite revoke',
    restricted: 'list view download upload comment edit delete move invite revoke',
    private: 'list view download upload comment edit delete move invite revoke',
  },
  associate: {
    public: 'list view download upload comment edit delete',
    restricted: 'list view download upload comment edit delete',
    private: 'list view download upload comment edit delete',
  },
  staff: {
    public: 'list view download upload comment',
    restricted: 'list view download upload comment',
    private: 'list view download upload comment',
  },
  it_admin: { public: 'list view', restricted: 'list view', private: 'list view' },
  compliance_officer: { public: 'list view', restricted: 'list view', private: 'list view' },
  client: { public: 'list view download upload comment', restricted: 'list view comment', private: '' },
  external_expert: { public: 'list view download upload comment', restricted: 'list view comment', private: '' },
}

const roles = Object.keys(expected) as Role[]

describe('permission table', () => {
  for (const role of roles) {
    for (const tier of TIERS) {
      for (const action of CASE_ACTIONS) {
        const allowed = expected[role][tier].split(' ').includes(action)
        const external = role === 'client' || role === 'external_expert'
        const want: Decision = allowed ? 'allow' : external && tier === 'private' ? 'not_found' : 'forbidden'
        it(`${role} / ${tier} / ${action} -> ${want}`, () => {
          const ceiling: Tier = external ? 'restricted' : 'private'
          expect(decide({ role, membership: { status: 'active', tierCeiling: ceiling } }, tier, action)).toBe(want)
        })
      }
    }
  }

  it('covers every role', () => {
    expect(Object.keys(PERMISSION_TABLE).sort()).toEqual([...roles].sort())
  })
})

describe('membership states', () => {
  const lapsed = MEMBER_STATUSES.filter((s) => s !== 'active')
  it.each(lapsed.flatMap((status) => roles.map((role) => [status, role] as const)))(
    '%s %s sees nothing of the case (404)',
    (status, role) => {
      for (const tier of TIERS)
        for (const action of CASE_ACTIONS) {
          expect(decide({ role, membership: { status, tierCeiling: 'private' } }, tier, action)).toBe('not_found')
        }
    },
  )

  it('an ethical wall beats the partner role', () => {
    expect(
      decide({ role: 'partner', membership: { status: 'walled', tierCeiling: 'private' } }, 'public', 'view'),
    ).toBe('not_found')
  })

  it('a non-member gets 404, never 403', () => {
    expect(decisionStatus(decide({ role: 'partner', membership: null }, 'public', 'list'))).toBe(404)
  })

  it('a public-only external cannot learn of restricted items', () => {
    const s = { role: 'client' as const, membership: { status: 'active' as const, tierCeiling: 'public' as const } }
    expect(decide(s, 'restricted', 'view')).toBe('not_found')
    expect(visibleTiers(s)).toEqual(['public'])
  })

  it('externals never see private even with a private ceiling', () => {
    const s = {
      role: 'external_expert' as const,
      membership: { status: 'active' as const, tierCeiling: 'private' as const },
    }
    expect(visibleTiers(s)).toEqual(['public', 'restricted'])
  })

  it('restricted drafts are never downloadable or editable by externals', () => {
    for (const role of ['client', 'external_expert'] as const) {
      for (const action of ['download', 'edit', 'delete', 'move'] satisfies CaseAction[]) {
        expect(
          decide({ role, membership: { status: 'active', tierCeiling: 'restricted' } }, 'restricted', action),
        ).toBe('forbidden')
      }
    }
  })
})

describe('isDowngrade', () => {
  it('orders tiers private > restricted > public', () => {
    expect(isDowngrade('private', 'restricted')).toBe(true)
    expect(isDowngrade('restricted', 'public')).toBe(true)
    expect(isDowngrade('public', 'private')).toBe(false)
    expect(isDowngrade('public', 'public')).toBe(false)
  })
})

describe('effectiveMemberStatus', () => {
  const now = new Date('2026-06-01T00:00:00Z')
  it('expires at the expiry instant', () => {
    expect(
      effectiveMemberStatus(
        { status: 'active', expiresAt: '2026-06-01T00:00:00Z' },
        { role: 'client', restrictedToInternal: false, now },
      ),
    ).toBe('expired')
    expect(
      effectiveMemberStatus(
        { status: 'active', expiresAt: '2026-06-01T00:00:01Z' },
        { role: 'client', restrictedToInternal: false, now },
      ),
    ).toBe('active')
  })
  it('suspends externals only while restricted to internal', () => {
    expect(
      effectiveMemberStatus({ status: 'active', expiresAt: null }, { role: 'client', restrictedToInternal: true, now }),
    ).toBe('suspended')
    expect(
      effectiveMemberStatus(
        { status: 'active', expiresAt: null },
        { role: 'associate', restrictedToInternal: true, now },
      ),
    ).toBe('active')
  })
  it('keeps a stored wall or revocation', () => {
    expect(
      effectiveMemberStatus(
        { status: 'walled', expiresAt: null },
        { role: 'partner', restrictedToInternal: false, now },
      ),
    ).toBe('walled')
  })
})
