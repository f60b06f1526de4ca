import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CASE_ACTIONS,
  PERMISSION_TABLE,
  TIERS,
  decide,
  decideMove,
  effectiveMemberStatus,
  isInternalRole,
  type CaseAction,
  type Decision,
  type MemberStatus,
  type Role,
  type Subject,
  type Tier,
} from '@suite/domain'
import { createTestApp, type TestApp, type TestCredentials } from '../testing'
import { insertCase, insertDocument, insertMember, insertUser, makePng, multipart } from '../testing/case-room'

/*
 * The proof that the server enforces the permission table. Every cell (role x tier x action)
 * is generated from PERMISSION_TABLE and decided by the domain's decide(); the test then makes
 * the real API call for that action and requires the matching answer: the action's success
 * status for `allow`, 403 for `forbidden`, 404 for `not_found`. Memberships cover every tier
 * ceiling, and walled, expired (stored and by date), revoked, suspended (stored and by the
 * "restrict to internal" switch) members and non-members.
 */

let t: TestApp
const CASE = 'case-mx'
const RESTRICTED_CASE = 'case-mx-r'
const png = makePng(64, 48)
const DAY = 86_400_000

type Variant =
  | 'ceiling-private'
  | 'ceiling-restricted'
  | 'ceiling-public'
  | 'walled'
  | 'expired'
  | 'lapsed'
  | 'revoked'
  | 'suspended'
  | 'non-member'
  | 'switch'
const VARIANTS: Variant[] = [
  'ceiling-private',
  'ceiling-restricted',
  'ceiling-public',
  'walled',
  'expired',
  'lapsed',
  'revoked',
  'suspended',
  'non-member',
  'switch',
]
const ROLES = Object.keys(PERMISSION_TABLE) as Role[]

/** What each variant stores, and in which case. */
function membershipOf(
  role: Role,
  v: Variant,
): { caseId: string; status: MemberStatus; tierCeiling: Tier; expiresAt: Date | null } | null {
  const top: Tier = isInternalRole(role) ? 'private' : 'restricted'
  switch (v) {
    case 'ceiling-private':
      return { caseId: CASE, status: 'active', tierCeiling: 'private', expiresAt: null }
    case 'ceiling-restricted':
      return { caseId: CASE, status: 'active', tierCeiling: 'restricted', expiresAt: null }
    case 'ceiling-public':
      return { caseId: CASE, status: 'active', tierCeiling: 'public', expiresAt: null }
    case 'walled':
      return { caseId: CASE, status: 'walled', tierCeiling: top, expiresAt: null }
    case 'expired':
      return { caseId: CASE, status: 'expired', tierCeiling: top, expiresAt: new Date(Date.now() - DAY) }
    case 'lapsed':
      return { caseId: CASE, status: 'active', tierCeiling: top, expiresAt: new Date(Date.now() - 60_000) }
    case 'revoked':
      return { caseId: CASE, status: 'revoked', tierCeiling: top, expiresAt: null }
    case 'suspended':
      return { caseId: CASE, status: 'suspended', tierCeiling: top, expiresAt: null }
    case 'switch':
      return { caseId: RESTRICTED_CASE, status: 'active', tierCeiling: top, expiresAt: null }
    case 'non-member':
      return null
  }
}

/** The subject the domain reasons about, with the effective status (expiry, switch) applied as the server must. */
function subjectOf(role: Role, v: Variant): { subject: Subject; caseId: string } {
  const m = membershipOf(role, v)
  if (!m) return { subject: { role, membership: null }, caseId: CASE }
  const status = effectiveMemberStatus(
    { status: m.status, expiresAt: m.expiresAt },
    { role, restrictedToInternal: m.caseId === RESTRICTED_CASE, now: new Date() },
  )
  return { subject: { role, membership: { status, tierCeiling: m.tierCeiling } }, caseId: m.caseId }
}

const SUCCESS: Record<CaseAction, number> = {
  list: 200,
  view: 200,
  download: 200,
  upload: 201,
  comment: 201,
  edit: 200,
  delete: 204,
  move: 200,
  invite: 201,
  revoke: 204,
}
/** Where a `move` of a document in each tier goes in the matrix: one step less protected, public one step up. */
const MOVE_TO: Record<Tier, Tier> = { private: 'restricted', restricted: 'public', public: 'restricted' }

const expectedStatus = (action: CaseAction, tier: Tier, d: Decision) =>
  d === 'allow' ? (action === 'invite' && tier === 'private' ? 200 : SUCCESS[action]) : d === 'forbidden' ? 403 : 404

const sharedDoc: Record<string, Record<Tier, string>> = {}
let seq = 0

/** Perform `action` on `tier` of `caseId` through the real endpoint; returns the HTTP status. */
async function perform(c: TestCredentials, caseId: string, tier: Tier, action: CaseAction): Promise<number> {
  const base = `/api/cases/${caseId}`
  const doc = sharedDoc[caseId]![tier]
  const inject = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    (
      await t.app.inject({
        method,
        url,
        headers: c.headers,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      })
    ).statusCode
  switch (action) {
    case 'list':
      return inject('GET', `${base}/documents?tier=${tier}`)
    case 'view':
      return inject('GET', `${base}/documents/${doc}/pages/1`)
    case 'download':
      return inject('GET', `${base}/documents/${doc}/original`)
    case 'upload': {
      const body = multipart('scan.png', png, 'image/png')
      return (
        await t.app.inject({
          method: 'POST',
          url: `${base}/documents?tier=${tier}`,
          headers: { ...c.headers, ...body.headers },
          payload: body.payload,
        })
      ).statusCode
    }
    case 'comment':
      return inject('POST', `${base}/documents/${doc}/comments`, { body: 'Matrix comment' })
    case 'edit':
      return inject('PATCH', `${base}/documents/${doc}`, { title: `Edited ${++seq}` })
    case 'delete':
      return inject('DELETE', `${base}/documents/${await insertDocument(t, caseId, tier, png)}`)
    case 'move':
      return inject('POST', `${base}/documents/${await insertDocument(t, caseId, tier, png)}/move`, {
        toTier: MOVE_TO[tier],
        reason: 'Agreed with the client in the meeting of 2 March',
      })
    case 'invite':
      if (tier === 'private') {
        const id = `mx-new-${++seq}`
        await insertUser(t, id, 'associate')
        return inject('POST', `${base}/members`, { userIds: [id], tierCeiling: 'private' })
      }
      return inject('POST', `${base}/invitations`, {
        name: 'Invited Person',
        contact: 'invited.person@example.com',
        role: 'client',
        tierCeiling: tier,
        accessExpiry: { kind: 'date', date: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10) },
      })
    case 'revoke': {
      const id = `mx-target-${++seq}`
      await insertUser(t, id, tier === 'private' ? 'associate' : 'client')
      await insertMember(t, caseId, id, { tierCeiling: tier })
      return inject('DELETE', `${base}/members/${id}`)
    }
  }
}

beforeAll(async () => {
  t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' } })
  await insertCase(t, CASE, 'HCA 9001/2026')
  await insertCase(t, RESTRICTED_CASE, 'HCA 9002/2026', true)
  for (const caseId of [CASE, RESTRICTED_CASE]) {
    sharedDoc[caseId] = {} as Record<Tier, string>
    for (const tier of TIERS) sharedDoc[caseId]![tier] = await insertDocument(t, caseId, tier, png)
  }
  for (const role of ROLES) {
    for (const v of VARIANTS) {
      const id = `mx-${role}-${v}`
      await insertUser(t, id, role)
      const m = membershipOf(role, v)
      if (m) await insertMember(t, m.caseId, id, m)
    }
  }
}, 60_000)
afterAll(async () => {
  await t.close()
})

describe('permission matrix: the API answers exactly what PERMISSION_TABLE + decide() say', () => {
  for (const role of ROLES) {
    for (const v of VARIANTS) {
      it(`${role} (${v})`, async () => {
        const { subject, caseId } = subjectOf(role, v)
        const c = await t.signIn(`mx-${role}-${v}`)
        const expected: Record<string, number> = {}
        const actual: Record<string, number> = {}
        for (const tier of TIERS) {
          for (const action of CASE_ACTIONS) {
            const d = action === 'move' ? decideMove(subject, tier, MOVE_TO[tier]) : decide(subject, tier, action)
            expected[`${tier}/${action}`] = expectedStatus(action, tier, d)
            actual[`${tier}/${action}`] = await perform(c, caseId, tier, action)
          }
        }
        expect(actual).toEqual(expected)
      })
    }
  }

  it('covers every role of the table and every membership state', () => {
    expect(ROLES.sort()).toEqual([...Object.keys(PERMISSION_TABLE)].sort())
    const states = new Set(
      ROLES.flatMap((r) => VARIANTS.map((v) => subjectOf(r, v).subject.membership?.status ?? 'none')),
    )
    expect([...states].sort()).toEqual(['active', 'expired', 'none', 'revoked', 'suspended', 'walled'])
  })

  it('the case itself is as hidden as its documents: 404 for everyone who sees no tier', async () => {
    for (const role of ROLES) {
      for (const v of VARIANTS) {
        const { subject, caseId } = subjectOf(role, v)
        const c = await t.signIn(`mx-${role}-${v}`)
        const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: c.headers })
        const sees = TIERS.some((tier) => decide(subject, tier, 'list') !== 'not_found')
        expect([role, v, res.statusCode]).toEqual([role, v, sees ? 200 : 404])
      }
    }
  })
})
