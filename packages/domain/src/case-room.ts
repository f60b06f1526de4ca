import { z } from 'zod'
import { CaseId, DocumentId, IsoDate, IsoDateTime, UserId } from './ids'
import { CaseStatus, CaseSummary } from './case'
import { PageQuery } from './pagination'
import { CaseAction, MemberStatus, Tier, decide, type Decision, type Subject } from './permissions'
import { ExternalRole, Role } from './roles'
import { Session } from './session'
import { Locale } from './user'

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

/** How an invitee is reached: a phone in E.164 (Hong Kong, Macau or the mainland) or an e-mail address. */
export type InviteeContact = { kind: 'phone'; value: string } | { kind: 'email'; value: string }

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[a-z]{2,}$/i

/**
 * Read what a lawyer typed as an invitee's phone or e-mail: `+852 9123 4567`, `(852) 9123-4567`,
 * `00853 6612 3456`, `138 0013 8000` or `name@example.com`. Phones are Hong Kong (8 digits from
 * 2, 3, 5, 6, 7, 9, or 800 freephone), Macau (6x or 28 with +853) or mainland mobiles (1[3-9] + 9
 * digits); a bare 8-digit number is read as Hong Kong. Null when it is neither.
 */
export function parseInviteeContact(input: string): InviteeContact | null {
  const s = input.trim()
  if (s.includes('@')) return EMAIL.test(s) && s.length <= 200 ? { kind: 'email', value: s.toLowerCase() } : null
  if (!/^[+\d\s().-]+$/.test(s)) return null
  let d = s.replace(/[\s().-]/g, '')
  if (d.startsWith('+')) d = d.slice(1)
  else if (d.startsWith('00')) d = d.slice(2)
  else if (/^([235679]\d{7}|800\d{6})$/.test(d)) d = `852${d}`
  else if (/^1[3-9]\d{9}$/.test(d)) d = `86${d}`
  if (/^852([235679]\d{7}|800\d{6})$/.test(d) || /^853(6\d{7}|28\d{6})$/.test(d) || /^861[3-9]\d{9}$/.test(d))
    return { kind: 'phone', value: `+${d}` }
  return null
}

/** Body of `POST /api/cases/:caseId/invitations`. */
export const InvitationCreate = z.object({
  name: Text(200),
  role: ExternalRole,
  tierCeiling: ExternalTier,
  accessExpiry: AccessExpiry,
  /** The invitee's phone or e-mail: the one-time code that confirms them is sent there. */
  contact: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((v) => parseInviteeContact(v) !== null, {
      message: 'Enter a Hong Kong, Macau or mainland phone number, or an e-mail address',
    }),
  /** The invitee's language: of the message the lawyer sends, the landing page and the code. */
  locale: Locale.default('zh-HK'),
  /** A person of the firm's DingTalk directory: the invitation and the code reach them as work notifications. */
  directoryUserId: z.string().min(1).max(64).optional(),
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

/** Answer of creating an invitation: the one-time link, shown once, and how it reaches the invitee. */
export const InvitationCreated = z.object({
  invitation: Invitation,
  token: z.string(),
  url: z.string(),
  /** True when the invitee is in the firm's DingTalk directory and was sent a work notification. */
  sentViaDingTalk: z.boolean(),
  /**
   * A ready message in the invitee's language for the lawyer to send themselves: it names the
   * firm, the lawyer and the matter, holds the link and says a code will be asked.
   */
  message: z.string(),
})
export type InvitationCreated = z.infer<typeof InvitationCreated>

/** A token from an invitation link (the body of the public invitation endpoints). */
export const InvitationToken = z.object({ token: z.string().min(20).max(200) })
export type InvitationToken = z.infer<typeof InvitationToken>

/**
 * What the landing page shows before anything else, for a valid, unexpired, unrevoked token only:
 * who invites (the firm and the lawyer) and to which matter. Nothing else about the case leaks.
 */
export const InvitationPreview = z.object({
  firmName: z.string(),
  inviterName: z.string(),
  caseNumber: z.string(),
  caseTitle: z.string(),
})
export type InvitationPreview = z.infer<typeof InvitationPreview>

/** How long a one-time invitation code is good for, and how many tries it allows. */
export const INVITATION_CODE_MINUTES = 10
export const INVITATION_CODE_TRIES = 5

/** Answer of asking for a code: where it went (masked) and until when it works. */
export const InvitationCodeSent = z.object({
  channel: z.enum(['dingtalk', 'sms', 'email']),
  sentTo: z.string(),
  expiresAt: IsoDateTime,
})
export type InvitationCodeSent = z.infer<typeof InvitationCodeSent>

/** Body of `POST /api/invitations/accept`: the link's token and the 6-digit code sent to the invitee. */
export const InvitationAccept = InvitationToken.extend({ code: z.string().regex(/^\d{6}$/) })
export type InvitationAccept = z.infer<typeof InvitationAccept>
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

/** Body of `POST /api/cases/:caseId/events`: every entry is dated (a timeline with undated entries cannot be read in order). */
export const CaseEventCreate = z.object({
  kind: CaseEventKind,
  title: Text(300),
  body: z.string().trim().max(5000).default(''),
  occursAt: IsoDateTime,
})
export type CaseEventCreate = z.input<typeof CaseEventCreate>

/** Body of `PATCH /api/cases/:caseId/events/:eventId`; `reached: true` ends access bound to the milestone. */
export const CaseEventUpdate = z.object({
  title: Text(300).optional(),
  body: z.string().trim().max(5000).optional(),
  /** A date can be changed, never taken away. */
  occursAt: IsoDateTime.optional(),
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

/**
 * Query of `POST /documents` (the file itself is the multipart body's one file part). The title
 * defaults to the file name; the people who can see the tier are told of the new document only
 * when the uploader asks (`notify=true`), so a batch of files or a file not yet ready goes quietly.
 */
export const DocumentUploadQuery = z.object({
  tier: Tier,
  title: z.string().trim().max(300).optional(),
  notify: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
})
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
