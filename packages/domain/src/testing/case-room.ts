import { CASE_ACTIONS, decide, visibleTiers, type CaseAction, type Subject, type Tier } from '../permissions'
import type {
  CaseComment,
  CaseDetail,
  CaseEvent,
  CaseMemberView,
  DocumentDetail,
  DocumentSummary,
  Invitation,
} from '../case-room'
import { makeCaseSummary } from './factories'
import { demoUser } from './demo'

const EPOCH = '2026-03-02T02:00:00.000Z'

/** A wire `CaseDetail` of the first demo case, with the abilities `decide()` gives `subject`. */
export function makeCaseDetail(
  subject: Subject = { role: 'partner', membership: { status: 'active', tierCeiling: 'private' } },
  overrides: Partial<CaseDetail> = {},
): CaseDetail {
  const actions: Partial<Record<Tier, CaseAction[]>> = {}
  for (const tier of visibleTiers(subject))
    actions[tier] = CASE_ACTIONS.filter((a) => decide(subject, tier, a) === 'allow')
  const m = subject.membership ?? { status: 'active' as const, tierCeiling: 'private' as const }
  return {
    ...makeCaseSummary(0),
    me: {
      role: subject.role,
      status: m.status,
      tierCeiling: m.tierCeiling,
      internal: !['client', 'external_expert'].includes(subject.role),
      visibleTiers: visibleTiers(subject),
      actions,
    },
    officeConversion: false,
    ...overrides,
  }
}

/** A wire `DocumentSummary` (a 3-page PDF draft in the restricted tier by default). */
export function makeDocument(overrides: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: 'doc-1' as DocumentSummary['id'],
    caseId: 'case-hca-1234' as DocumentSummary['caseId'],
    tier: 'restricted',
    title: 'Draft defence 答辯書草稿',
    filename: 'draft-defence.pdf',
    mime: 'application/pdf',
    size: 48_213,
    version: 1,
    render: 'pdf',
    pageCount: 3,
    uploadedBy: 'u-lee',
    uploadedByName: demoUser('u-lee').name,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    ...overrides,
  }
}

/** A wire `DocumentDetail`, with `actions` as given (view and comment by default). */
export function makeDocumentDetail(overrides: Partial<DocumentDetail> = {}): DocumentDetail {
  return {
    ...makeDocument(),
    description: '',
    actions: ['list', 'view', 'comment'],
    internalOnlyReason: null,
    moves: [],
    ...overrides,
  }
}

/** A wire `CaseEvent` (a milestone by default). */
export function makeCaseEvent(overrides: Partial<CaseEvent> = {}): CaseEvent {
  return {
    id: 'evt-1' as CaseEvent['id'],
    caseId: 'case-hca-1234' as CaseEvent['caseId'],
    kind: 'milestone',
    title: 'Expert report served 專家報告已送達',
    body: '',
    occursAt: '2026-04-15T01:00:00.000Z',
    reachedAt: null,
    createdBy: 'u-lee',
    createdByName: demoUser('u-lee').name,
    createdAt: EPOCH,
    commentCount: 0,
    ...overrides,
  }
}

/** A wire `CaseMemberView` of a demo user. */
export function makeMember(userId = 'u-lee', overrides: Partial<CaseMemberView> = {}): CaseMemberView {
  const u = demoUser(userId)
  const internal = u.role !== 'client' && u.role !== 'external_expert'
  return {
    userId: u.id as CaseMemberView['userId'],
    name: u.name,
    role: u.role,
    title: u.title,
    internal,
    status: 'active',
    tierCeiling: internal ? 'private' : 'restricted',
    expiresAt: null,
    expiryMilestone: null,
    wallReason: null,
    addedAt: EPOCH,
    ...overrides,
  }
}

/** A wire `CaseComment`. */
export function makeComment(overrides: Partial<CaseComment> = {}): CaseComment {
  return {
    id: 'cmt-1',
    authorId: 'u-expert-fung',
    authorName: demoUser('u-expert-fung').name,
    authorRole: 'external_expert',
    body: 'Para 12 overstates the loss.',
    page: null,
    createdAt: EPOCH,
    ...overrides,
  }
}

/** A wire `Invitation`. */
export function makeInvitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'inv-1' as Invitation['id'],
    caseId: 'case-hca-1234' as Invitation['caseId'],
    name: 'Choi CPA',
    role: 'external_expert',
    tierCeiling: 'restricted',
    accessExpiry: { kind: 'date', date: '2026-06-30' },
    linkExpiresAt: '2026-03-05T02:00:00.000Z',
    createdBy: demoUser('u-chan').name,
    createdAt: EPOCH,
    status: 'pending',
    ...overrides,
  }
}
