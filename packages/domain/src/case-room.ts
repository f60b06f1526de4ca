import { z } from 'zod'
import { CaseId, DocumentId, IsoDate, IsoDateTime, UserId } from './ids'
import { CaseStatus, CaseSummary } from './case'
import { PageQuery } from './pagination'
import { CaseAction, MemberStatus, Tier, decide, type Decision, type Subject } from './permissions'
import { ExternalRole, Role } from './roles'
import { Session } from './session'

/*
 * The virtual case room's wire contract: cases, members and walls, invitations, the timeline,
 * documents with their tiers, page views and comments. The server validates every body with
 * these schemas; the app parses every answer with them.
 */

/** Id of a timeline entry (milestone, hearing, notice, update). */
export const CaseEventId = z.string().min(1).max(64).brand<'CaseEventId'>()
export type CaseEventId = z.infer<typeof CaseEventId>
/** Id of an invitation. */
export const InvitationId = z.string().min(1).max(64).brand<'InvitationId'>()
export type InvitationId = z.infer<typeof InvitationId>

/** A tier an external member can be given: never `private`. */
export const ExternalTier = z.enum(['public', 'restricted'])
export type ExternalTier = z.infer<typeof ExternalTier>

const Text = (max: number) => z.string().trim().min(1).max(max)

/** Body of `POST /api/cases`: a partner opens a case; they become its first member. */
export const CaseCreate = z.object({
  number: Text(64),
  title: Text(300),
  clientName: z.string().trim().max(200).default(''),
})
export type CaseCreate = z.input<typeof CaseCreate>

/** Body of `PATCH /api/cases/:caseId`. */
export const CaseUpdate = z
  .object({
    status: CaseStatus.optional(),
    title: Text(300).optional(),
    clientName: z.string().trim().max(200).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' })
export type CaseUpdate = z.input<typeof CaseUpdate>

/** Body of `POST /api/cases/:caseId/restrict`: turning it off needs a step-up confirmation. */
export const RestrictToInternal = z.object({ restricted: z.boolean(), reason: z.string().trim().max(500).optional() })
export type RestrictToInternal = z.infer<typeof RestrictToInternal>

/** What the caller may do in one case, per tier it can see (the server's own decision). */
export const CaseAbilities = z.object({
  role: Role,
  status: MemberStatus,
  tierCeiling: Tier,
  internal: z.boolean(),
  visibleTiers: z.array(Tier),
  actions: z.partialRecord(Tier, z.array(CaseAction)),
})
export type CaseAbilities = z.infer<typeof CaseAbilities>

/** `GET /api/cases/:caseId`: the case and the caller's place in it. */
export const CaseDetail = CaseSummary.extend({
  me: CaseAbilities,
  /** True when the server can convert Word / Excel / PowerPoint files to PDF for viewing. */
  officeConversion: z.boolean(),
})
export type CaseDetail = z.infer<typeof CaseDetail>

// ---------------------------------------------------------------- members, walls

/** A member of a case as the members panel shows them. Externals see only the firm's team and themselves. */
export const CaseMemberView = z.object({
  userId: UserId,
  name: z.string(),
  role: Role,
  title: z.string().nullable(),
  internal: z.boolean(),
  /** The status that counts now (an expired date or "restrict to internal" already applied). */
  status: MemberStatus,
  tierCeiling: Tier,
  expiresAt: IsoDateTime.nullable(),
  /** Access ends when this milestone is marked reached. */
  expiryMilestone: z.object({ id: CaseEventId, title: z.string(), reachedAt: IsoDateTime.nullable() }).nullable(),
  wallReason: z.string().nullable(),
  addedAt: IsoDateTime,
})
export type CaseMemberView = z.infer<typeof CaseMemberView>

/** Body of `POST /api/cases/:caseId/members`: internal people by suite id or DingTalk userid (the picker's). */
export const MemberAdd = z
  .object({
    userIds: z.array(z.string().min(1).max(64)).max(50).default([]),
    dingtalkUserIds: z.array(z.string().min(1).max(64)).max(50).default([]),
    tierCeiling: Tier.default('private'),
  })
  .refine((v) => v.userIds.length + v.dingtalkUserIds.length > 0, {
    message: 'Pick at least one person',
    path: ['userIds'],
  })
export type MemberAdd = z.input<typeof MemberAdd>

/** Body of `POST /api/cases/:caseId/walls`: exclude an internal user, with the reason on record. */
export const WallCreate = z.object({ userId: z.string().min(1).max(64), reason: Text(500) })
export type WallCreate = z.infer<typeof WallCreate>

// ---------------------------------------------------------------- invitations

/** When an external member's access ends: at the end of a Hong Kong calendar day, or when a milestone is reached. */
export const AccessExpiry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: IsoDate }),
  z.object({ kind: z.literal('milestone'), milestoneId: CaseEventId }),
])
export type AccessExpiry = z.infer<typeof AccessExpiry>

/** Body of `POST /api/cases/:caseId/invitations`. */
export const InvitationCreate = z.object({
  name: Text(200),
  role: ExternalRole,
  tierCeiling: ExternalTier,
  accessExpiry: AccessExpiry,
  /** Free-text contact the firm keeps (email or phone); never used to send anything. */
  contact: z.string().trim().max(200).optional(),
  /** How long the link itself may be used: 1 to 168 hours, 72 by default. */
  linkValidHours: z.number().int().min(1).max(168).default(72),
})
export type InvitationCreate = z.input<typeof InvitationCreate>

/** An invitation as the firm sees it (never its token). */
export const Invitation = z.object({
  id: InvitationId,
  caseId: CaseId,
  name: z.string(),
  role: ExternalRole,
  tierCeiling: ExternalTier,
  accessExpiry: AccessExpiry,
  linkExpiresAt: IsoDateTime,
  createdBy: z.string(),
  createdAt: IsoDateTime,
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
})
export type Invitation = z.infer<typeof Invitation>

/** Answer of creating an invitation: the one-time link, shown once. */
export const InvitationCreated = z.object({ invitation: Invitation, token: z.string(), url: z.string() })
export type InvitationCreated = z.infer<typeof InvitationCreated>

/** Body of `POST /api/invitations/accept`. */
export const InvitationAccept = z.object({ token: z.string().min(20).max(200) })
/** Answer of accepting: a session for the external member and the case to open. */
export const InvitationAccepted = z.object({ session: Session, caseId: CaseId })
export type InvitationAccepted = z.infer<typeof InvitationAccepted>

// ---------------------------------------------------------------- external re-entry

/**
 * Accepting an invitation (or a sign-in link) also leaves a device re-entry credential in that
 * browser: an httpOnly cookie bound to the membership, good until the member's access ends or
 * {@link REENTRY_MAX_DAYS} days, whichever comes first. It opens a new session when the old one
 * has ended; each use replaces it, and a used one presented again is refused as a replay.
 */
export const REENTRY_MAX_DAYS = 30

/** Body of `POST /api/case-room/re-entry` (the credential itself is the cookie). */
export const ReEntryRequest = z.object({}).strict()
export type ReEntryRequest = z.infer<typeof ReEntryRequest>

/** Answer of a re-entry or a redeemed sign-in link: a new session and the case to open. */
export const CaseRoomEntered = InvitationAccepted
export type CaseRoomEntered = InvitationAccepted

/** Body of `POST /api/cases/:caseId/members/:userId/sign-in-link`: a partner sends an existing external a new way in. */
export const SignInLinkCreate = z.object({
  /** How long the link may be used: 1 to 168 hours, 24 by default. */
  linkValidHours: z.number().int().min(1).max(168).default(24),
})
export type SignInLinkCreate = z.input<typeof SignInLinkCreate>

/** The one-time sign-in link, shown once (no new user is created by it). */
export const SignInLinkCreated = z.object({
  userId: UserId,
  name: z.string(),
  token: z.string(),
  url: z.string(),
  linkExpiresAt: IsoDateTime,
})
export type SignInLinkCreated = z.infer<typeof SignInLinkCreated>

/** Body of `POST /api/sign-in-links/redeem`. */
export const SignInLinkRedeem = z.object({ token: z.string().min(20).max(200) })
export type SignInLinkRedeem = z.infer<typeof SignInLinkRedeem>

/**
 * Answer of `DELETE /api/cases/:caseId/members/:userId/devices` (a lost phone): how many device
 * credentials, unused sign-in links and open sessions ended. Sessions end only when the person
 * belongs to no other case, so one case's partner never signs them out of another's.
 */
export const DevicesSignedOut = z.object({
  credentials: z.number().int().nonnegative(),
  links: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
})
export type DevicesSignedOut = z.infer<typeof DevicesSignedOut>

// ---------------------------------------------------------------- timeline

export const CaseEventKind = z.enum(['milestone', 'hearing', 'notice', 'update'])
export type CaseEventKind = z.infer<typeof CaseEventKind>

/** One entry of the public timeline. */
export const CaseEvent = z.object({
  id: CaseEventId,
  caseId: CaseId,
  kind: CaseEventKind,
  title: z.string(),
  body: z.string(),
  /** Hearing date, milestone target date, or when a notice was posted. */
  occursAt: IsoDateTime.nullable(),
  reachedAt: IsoDateTime.nullable(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: IsoDateTime,
  commentCount: z.number().int().nonnegative(),
})
export type CaseEvent = z.infer<typeof CaseEvent>

/** Body of `POST /api/cases/:caseId/events`. */
export const CaseEventCreate = z.object({
  kind: CaseEventKind,
  title: Text(300),
  body: z.string().trim().max(5000).default(''),
  occursAt: IsoDateTime.nullable().default(null),
})
export type CaseEventCreate = z.input<typeof CaseEventCreate>

/** Body of `PATCH /api/cases/:caseId/events/:eventId`; `reached: true` ends access bound to the milestone. */
export const CaseEventUpdate = z.object({
  title: Text(300).optional(),
  body: z.string().trim().max(5000).optional(),
  occursAt: IsoDateTime.nullable().optional(),
  reached: z.boolean().optional(),
})
export type CaseEventUpdate = z.input<typeof CaseEventUpdate>

// ---------------------------------------------------------------- documents

/** What the viewer can do with a file. `none`: kept internal (no converter for this format). */
export const RenderKind = z.enum(['pdf', 'image', 'none'])
export type RenderKind = z.infer<typeof RenderKind>

/** A document as listed. */
export const DocumentSummary = z.object({
  id: DocumentId,
  caseId: CaseId,
  tier: Tier,
  title: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  version: z.number().int().positive(),
  render: RenderKind,
  pageCount: z.number().int().nonnegative().nullable(),
  uploadedBy: z.string(),
  uploadedByName: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type DocumentSummary = z.infer<typeof DocumentSummary>

/** `GET /documents/:docId`: the document and what the caller may do with it. */
export const DocumentDetail = DocumentSummary.extend({
  description: z.string(),
  actions: z.array(CaseAction),
  /** Why it cannot be shared with externals, when it cannot (e.g. no converter for .docx). */
  internalOnlyReason: z.string().nullable(),
  moves: z.array(z.object({ from: Tier, to: Tier, reason: z.string(), byName: z.string(), at: IsoDateTime })),
})
export type DocumentDetail = z.infer<typeof DocumentDetail>

/** Query of `GET /documents`. */
export const DocumentListQuery = PageQuery.extend({ tier: Tier, q: z.string().trim().max(100).optional() })
export type DocumentListQuery = z.input<typeof DocumentListQuery>

/** Query of `POST /documents` (the file itself is the multipart body's one file part). */
export const DocumentUploadQuery = z.object({ tier: Tier, title: z.string().trim().max(300).optional() })
export type DocumentUploadQuery = z.input<typeof DocumentUploadQuery>

/** Body of `PATCH /documents/:docId`. */
export const DocumentUpdate = z
  .object({
    title: Text(300).optional(),
    description: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.title !== undefined || v.description !== undefined, { message: 'Nothing to change' })
export type DocumentUpdate = z.input<typeof DocumentUpdate>

/** Body of `POST /documents/:docId/move`. A less protected tier needs a written reason. */
export const DocumentMove = z.object({ toTier: Tier, reason: z.string().trim().max(1000).default('') })
export type DocumentMove = z.input<typeof DocumentMove>

/** Shortest reason accepted for moving a document to a less protected tier. */
export const MOVE_REASON_MIN = 10

/** Body of `POST /documents/:docId/views`: how long a page was on screen. */
export const PageViewBeacon = z.object({
  page: z.number().int().min(1).max(10_000),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(4 * 3600_000),
})
export type PageViewBeacon = z.infer<typeof PageViewBeacon>

/** One viewer's reading of a document, page by page. */
export const DocumentViewLog = z.object({
  items: z.array(
    z.object({
      viewerId: z.string(),
      viewerName: z.string(),
      viewerRole: Role,
      page: z.number().int().positive(),
      startedAt: IsoDateTime,
      durationMs: z.number().int().nonnegative().nullable(),
    }),
  ),
  /** Per viewer: pages seen, total time, last view. */
  viewers: z.array(
    z.object({
      viewerId: z.string(),
      viewerName: z.string(),
      viewerRole: Role,
      pages: z.array(z.number().int().positive()),
      totalMs: z.number().int().nonnegative(),
      lastViewedAt: IsoDateTime,
    }),
  ),
})
export type DocumentViewLog = z.infer<typeof DocumentViewLog>

// ---------------------------------------------------------------- comments

/** One comment on a document, a timeline entry, or a tier's discussion thread. */
export const CaseComment = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorRole: Role,
  body: z.string(),
  page: z.number().int().positive().nullable(),
  createdAt: IsoDateTime,
})
export type CaseComment = z.infer<typeof CaseComment>

/** Body of a new comment; `page` pins it to a page of a document. */
export const CommentCreate = z.object({
  body: Text(4000),
  page: z.number().int().min(1).max(10_000).nullable().default(null),
})
export type CommentCreate = z.input<typeof CommentCreate>

// ---------------------------------------------------------------- rules

/**
 * Moving a document from `from` to `to`: the mover needs `move` on the tier the document is in
 * (404 if they cannot see it), and `move` on the destination too (403 otherwise: they can see
 * the document, but not put it where they cannot act).
 */
export function decideMove(subject: Subject, from: Tier, to: Tier): Decision {
  const here = decide(subject, from, 'move')
  if (here !== 'allow') return here
  return decide(subject, to, 'move') === 'allow' ? 'allow' : 'forbidden'
}

/** The end of Hong Kong calendar day `date` (YYYY-MM-DD), as an instant: access lasts through that day. */
export function endOfHongKongDay(date: string): Date {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000)
}
