import type { AuditEntry } from '../audit'
import type { Session } from '../session'
import type { Org, User } from '../user'
import type { CaseSummary } from '../case'
import { DEMO_CASES, DEMO_ORG, DEMO_USERS, type DemoUser } from './demo'

const EPOCH = '2026-01-05T01:00:00.000Z'

/** A wire `Org` for the demo organisation. */
export function makeOrg(overrides: Partial<Org> = {}): Org {
  return { id: DEMO_ORG.id, corpId: DEMO_ORG.corpId, name: DEMO_ORG.name, ...overrides } as Org
}

/** A wire `User` built from a demo user (the first partner by default). */
export function makeUser(from: DemoUser | Partial<User> = {}, overrides: Partial<User> = {}): User {
  const base =
    'dingtalkUserId' in from &&
    'locale' in from &&
    typeof from.id === 'string' &&
    DEMO_USERS.some((u) => u.id === from.id)
      ? (from as DemoUser)
      : DEMO_USERS[0]!
  const user = {
    id: base.id,
    orgId: DEMO_ORG.id,
    name: base.name,
    role: base.role,
    title: base.title,
    department: base.department,
    avatarUrl: null,
    dingtalkUserId: base.dingtalkUserId,
    dingtalkUnionId: base.dingtalkUnionId,
    active: true,
    locale: base.locale,
    createdAt: EPOCH,
  }
  return { ...user, ...(from as Partial<User>), ...overrides } as User
}

/** A wire `Session` for a demo user. */
export function makeSession(user: User = makeUser(), overrides: Partial<Session> = {}): Session {
  return {
    user,
    org: makeOrg(),
    csrfToken: 'csrf-test-token-0123456789',
    expiresAt: '2026-12-31T16:00:00.000Z',
    method: 'dev',
    ...overrides,
  }
}

/** A wire `CaseSummary` from the demo cases, by index. */
export function makeCaseSummary(index = 0, overrides: Partial<CaseSummary> = {}): CaseSummary {
  const c = DEMO_CASES[index] ?? DEMO_CASES[0]!
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    clientName: c.clientName,
    status: c.status,
    restrictedToInternal: false,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    ...overrides,
  } as CaseSummary
}

/** A syntactically valid audit entry (hashes are placeholders, not a valid chain). */
export function makeAuditEntry(seq = 1, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    at: EPOCH,
    actorId: 'u-chan',
    actorName: DEMO_USERS[0]!.name,
    action: 'auth.sign_in',
    targetType: 'user',
    targetId: 'u-chan',
    caseId: null,
    requestId: 'req-1',
    detail: {},
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
    ...overrides,
  }
}
