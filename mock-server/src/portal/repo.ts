import {
  INTERNAL_ROLES,
  PORTAL_SECTION_LIMIT,
  URGENT_ASKED_FOR,
  isInternalRole,
  visibleTiers,
  type CaseId,
  type HearingType,
  type PortalCase,
  type PortalComment,
  type PortalDeadline,
  type PortalHearing,
  type PortalReport,
  type Role,
  type Subject,
  type Tier,
} from '@suite/domain'
import type { Queryable } from '../db/db'
import { visibleCaseSql } from '../cases/access'
import { courtAbilities } from '../court-calendar/access'
import { toHkIso } from '../court-calendar/time'

/** A case the caller may see, with their permission subject in it. */
export interface PortalCaseAccess {
  case: PortalCase
  subject: Subject
}

/** One section's first items and how many there are in all. */
interface Counted<T> {
  items: T[]
  total: number
}

/** The SQL of `isUrgentReport` (@suite/domain): a code, password or bank details handed over (drills never reach triage). */
const URGENT_COMPLIED = ['yes', 'partly']
const URGENT_SQL = '(r.complied = ANY($1::text[]) AND r.asked_for && $3::text[])'
/** Reports still waiting for a verdict. */
const OPEN_REPORT_STATUSES = ['new', 'investigating']
const LIMIT = PORTAL_SECTION_LIMIT

const caseOf = (cases: Map<string, PortalCaseAccess>, id: string): PortalCase => cases.get(id)!.case
const iso = (d: Date) => new Date(d).toISOString()

/** Read-only queries of the portal's "today"; visibility comes from the cases and court-calendar rules. */
export const portalRepo = {
  /** The cases the caller is an active, unwalled, unexpired member of (externals: not restricted to internal). */
  async visibleCases(q: Queryable, user: { id: string; role: Role }, now: Date): Promise<PortalCaseAccess[]> {
    const { rows } = await q.query<{ id: string; number: string; title: string; tier_ceiling: Tier }>(
      `SELECT c.id, c.number, c.title, m.tier_ceiling FROM cases c JOIN case_members m ON m.case_id = c.id
       WHERE ${visibleCaseSql({ c: 'c', m: 'm' }, user.role, 1, 2)} ORDER BY c.number`,
      [user.id, now],
    )
    return rows.map((r) => ({
      case: { id: r.id as CaseId, number: r.number, title: r.title },
      subject: { role: user.role, membership: { status: 'active', tierCeiling: r.tier_ceiling } },
    }))
  },

  /** Scheduled hearings of these cases starting in [from, before), earliest first. */
  async hearings(q: Queryable, cases: PortalCaseAccess[], from: Date, before: Date): Promise<Counted<PortalHearing>> {
    const byId = courtCases(cases)
    if (!byId.size) return { items: [], total: 0 }
    const { rows } = await q.query<{
      id: string
      case_id: string
      court: string
      courtroom: string | null
      hearing_type: HearingType
      title: string | null
      starts_at: Date
      ends_at: Date | null
      total: number
    }>(
      `SELECT h.id, h.case_id, h.court, h.courtroom, h.hearing_type, h.title, h.starts_at, h.ends_at, count(*) OVER ()::int AS total
       FROM court_hearings h WHERE h.case_id = ANY($1::text[]) AND h.status = 'scheduled' AND h.starts_at >= $2 AND h.starts_at < $3
       ORDER BY h.starts_at, h.id LIMIT ${LIMIT}`,
      [[...byId.keys()], from, before],
    )
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        id: r.id as PortalHearing['id'],
        case: caseOf(byId, r.case_id),
        court: r.court,
        courtroom: r.courtroom,
        type: r.hearing_type,
        title: r.title,
        startsAt: toHkIso(r.starts_at),
        endsAt: r.ends_at ? toHkIso(r.ends_at) : null,
      })),
    }
  },

  /** Open deadlines of these cases due on or before `until`: overdue (before `today`) first, oldest first; then soonest. */
  async deadlines(
    q: Queryable,
    cases: PortalCaseAccess[],
    today: string,
    until: string,
  ): Promise<Counted<PortalDeadline> & { overdue: number }> {
    const byId = courtCases(cases)
    if (!byId.size) return { items: [], total: 0, overdue: 0 }
    const { rows } = await q.query<{
      id: string
      case_id: string
      title: string
      due_on: string
      overdue: boolean
      total: number
      overdue_total: number
    }>(
      `SELECT d.id, d.case_id, d.title, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.due_on < $2::date AS overdue,
         count(*) OVER ()::int AS total, (count(*) FILTER (WHERE d.due_on < $2::date) OVER ())::int AS overdue_total
       FROM court_deadlines d WHERE d.case_id = ANY($1::text[]) AND d.status = 'open' AND d.due_on <= $3::date
       ORDER BY d.due_on, d.id LIMIT ${LIMIT}`,
      [[...byId.keys()], today, until],
    )
    return {
      total: rows[0]?.total ?? 0,
      overdue: rows[0]?.overdue_total ?? 0,
      items: rows.map((r) => ({
        id: r.id as PortalDeadline['id'],
        case: caseOf(byId, r.case_id),
        title: r.title,
        dueOn: r.due_on,
        overdue: r.overdue,
      })),
    }
  },

  /**
   * Comments since `since` by the other side (externals for the firm's people, the firm for
   * externals), never the caller's own: only those written in a tier the caller sees of the case,
   * on a document still there and in such a tier, or on a timeline entry still there. Newest first.
   */
  async comments(
    q: Queryable,
    user: { id: string; role: Role },
    cases: PortalCaseAccess[],
    since: Date,
  ): Promise<Counted<PortalComment>> {
    const byId = new Map(cases.map((c) => [c.case.id as string, c]))
    const pairs = cases.flatMap((c) => visibleTiers(c.subject).map((tier) => [c.case.id as string, tier] as const))
    if (!pairs.length) return { items: [], total: 0 }
    const authorInternal = !isInternalRole(user.role)
    const { rows } = await q.query<{
      id: string
      case_id: string
      body: string
      created_at: Date
      target_type: 'document' | 'event' | 'thread'
      target_id: string
      name: string
      role: Role
      doc_title: string | null
      event_title: string | null
      total: number
    }>(
      `WITH v(case_id, tier) AS (SELECT * FROM unnest($1::text[], $2::text[]))
       SELECT k.id, k.case_id, k.body, k.created_at, k.target_type, k.target_id, u.name, u.role,
         d.title AS doc_title, e.title AS event_title, count(*) OVER ()::int AS total
       FROM case_comments k
       JOIN v ON v.case_id = k.case_id AND v.tier = k.tier
       JOIN users u ON u.id = k.author_id
       LEFT JOIN case_documents d ON k.target_type = 'document' AND d.id = k.target_id AND d.case_id = k.case_id
         AND d.deleted_at IS NULL AND EXISTS (SELECT 1 FROM v w WHERE w.case_id = d.case_id AND w.tier = d.tier)
       LEFT JOIN case_events e ON k.target_type = 'event' AND e.id = k.target_id AND e.case_id = k.case_id
       WHERE k.created_at >= $3 AND k.author_id <> $4 AND (u.role = ANY($5::text[])) = $6
         AND (k.target_type <> 'document' OR d.id IS NOT NULL) AND (k.target_type <> 'event' OR e.id IS NOT NULL)
       ORDER BY k.created_at DESC, k.id DESC LIMIT ${LIMIT}`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1]), since, user.id, [...INTERNAL_ROLES], authorInternal],
    )
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        case: caseOf(byId, r.case_id),
        authorName: r.name,
        authorRole: r.role,
        excerpt: r.body.slice(0, 200),
        on:
          r.target_type === 'document'
            ? { type: 'document', id: r.target_id, title: r.doc_title ?? '' }
            : r.target_type === 'event'
              ? { type: 'event', id: r.target_id, title: r.event_title ?? '' }
              : { type: 'thread', tier: r.target_id as Tier },
        createdAt: iso(r.created_at),
      })),
    }
  },

  /** Open reports of the triage queue (drill reports never enter it): urgent first, then the longest waiting. */
  async triage(q: Queryable): Promise<Counted<PortalReport> & { urgent: number }> {
    const { rows } = await q.query<{
      id: string
      identifier_kind: PortalReport['identifierKind']
      identifier_display: string
      verdict: PortalReport['verdict']
      status: PortalReport['status']
      urgent: boolean
      name: string
      received_at: Date
      total: number
      urgent_total: number
    }>(
      `SELECT r.id, r.identifier_kind, r.identifier_display, r.verdict, r.status, ${URGENT_SQL} AS urgent,
         u.name, r.received_at, count(*) OVER ()::int AS total,
         (count(*) FILTER (WHERE ${URGENT_SQL}) OVER ())::int AS urgent_total
       FROM support_reports r JOIN users u ON u.id = r.reporter_id
       WHERE r.drill_id IS NULL AND r.status = ANY($2::text[])
       ORDER BY ${URGENT_SQL} DESC, r.received_at, r.id LIMIT ${LIMIT}`,
      [URGENT_COMPLIED, OPEN_REPORT_STATUSES, URGENT_ASKED_FOR],
    )
    return {
      total: rows[0]?.total ?? 0,
      urgent: rows[0]?.urgent_total ?? 0,
      items: rows.map((r) => ({
        id: r.id as PortalReport['id'],
        identifierKind: r.identifier_kind,
        identifierDisplay: r.identifier_display,
        verdict: r.verdict,
        status: r.status,
        urgent: r.urgent,
        reporterName: r.name,
        receivedAt: iso(r.received_at),
      })),
    }
  },
}

/** The cases whose court dates the caller may see (the court calendar's rule), by id. */
function courtCases(cases: PortalCaseAccess[]): Map<string, PortalCaseAccess> {
  return new Map(cases.filter((c) => courtAbilities(c.subject).view).map((c) => [c.case.id as string, c]))
}
