import { z } from 'zod'
import { CaseId, IsoDate, IsoDateTime } from './ids'
import { HearingId, DeadlineId, HearingType } from './court-calendar'
import { CheckVerdict, IdentifierKind, ReportStatus, SupportReportId } from './support'
import { Tier } from './permissions'
import { Role } from './roles'

/*
 * The portal's "today": what needs the signed-in person first, by role. Every instant is ISO
 * with an offset and every date a Hong Kong calendar date; the page formats them in Hong Kong time.
 */

/** Deadlines due within this many days from today (Hong Kong) count as "due soon". */
export const PORTAL_DUE_SOON_DAYS = 7
/** Comments of the last this many days are "new" (the suite keeps no "last seen" per person yet). */
export const PORTAL_NEW_COMMENT_DAYS = 7
/** At most this many items per section; `total` says how many there are. */
export const PORTAL_SECTION_LIMIT = 20
/** Who triages suspicious-contact reports: the roles the triage console and its API admit. */
export const PORTAL_TRIAGE_ROLES: readonly Role[] = ['it_admin']

/** The case an item belongs to. */
export const PortalCase = z.object({ id: CaseId, number: z.string(), title: z.string() })
export type PortalCase = z.infer<typeof PortalCase>

/** A hearing of one of the caller's cases, today. */
export const PortalHearing = z.object({
  id: HearingId,
  case: PortalCase,
  court: z.string(),
  courtroom: z.string().nullable(),
  type: HearingType,
  title: z.string().nullable(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
})
export type PortalHearing = z.infer<typeof PortalHearing>

/** An open deadline of one of the caller's cases: overdue, or due within {@link PORTAL_DUE_SOON_DAYS}. */
export const PortalDeadline = z.object({
  id: DeadlineId,
  case: PortalCase,
  title: z.string(),
  dueOn: IsoDate,
  /** Still open and its day has passed (Hong Kong). */
  overdue: z.boolean(),
})
export type PortalDeadline = z.infer<typeof PortalDeadline>

/** What a comment was written on, enough to link to it in the case room. */
export const PortalCommentTarget = z.discriminatedUnion('type', [
  z.object({ type: z.literal('document'), id: z.string(), title: z.string() }),
  z.object({ type: z.literal('event'), id: z.string(), title: z.string() }),
  z.object({ type: z.literal('thread'), tier: Tier }),
])
export type PortalCommentTarget = z.infer<typeof PortalCommentTarget>

/**
 * A new comment from the other side: for the firm's people a client's or outside expert's,
 * for a client or expert the firm's; only in tiers and on items the caller may see.
 */
export const PortalComment = z.object({
  id: z.string(),
  case: PortalCase,
  authorName: z.string(),
  authorRole: Role,
  /** The first 200 characters. */
  excerpt: z.string(),
  on: PortalCommentTarget,
  createdAt: IsoDateTime,
})
export type PortalComment = z.infer<typeof PortalComment>

/** An open suspicious-contact report waiting for triage. */
export const PortalReport = z.object({
  id: SupportReportId,
  identifierKind: IdentifierKind,
  identifierDisplay: z.string(),
  verdict: CheckVerdict,
  status: ReportStatus,
  /** The reporter did (part of) what the caller asked: the same rule as IT's urgent alert. */
  urgent: z.boolean(),
  reporterName: z.string(),
  receivedAt: IsoDateTime,
})
export type PortalReport = z.infer<typeof PortalReport>

const section = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative() })

/** Answer of `GET /api/portal/today`. */
export const PortalToday = z.object({
  /** When the answer was made. */
  now: IsoDateTime,
  /** Today's Hong Kong date, the day the sections are about. */
  today: IsoDate,
  /** Today's hearings of the caller's cases, earliest first. */
  hearings: section(PortalHearing),
  /** Overdue deadlines first (oldest first), then those due soon (soonest first). */
  deadlines: section(PortalDeadline).extend({ overdue: z.number().int().nonnegative() }),
  /** New comments from the other side since `since`, newest first. */
  comments: section(PortalComment).extend({ since: IsoDateTime }),
  /** Open reports, urgent first; null for a role that does not triage. */
  triage: section(PortalReport).extend({ urgent: z.number().int().nonnegative() }).nullable(),
})
export type PortalToday = z.infer<typeof PortalToday>
