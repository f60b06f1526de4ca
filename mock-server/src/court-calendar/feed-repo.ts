import type { Locale, Role } from '@suite/domain'
import type { Queryable } from '../db/db'
import { visibleCaseSql } from '../cases/access'
import type { FeedDeadline, FeedHearing } from './ical-feed'

/** The person a feed belongs to. */
export interface FeedOwner {
  user_id: string
  name: string
  role: Role
  locale: Locale
  active: boolean
}

/** A hearing of the feed with its case. */
interface FeedHearingRow {
  id: string
  case_id: string
  number: string
  ctitle: string
  court_case_number: string
  court: string
  judge: string | null
  courtroom: string | null
  hearing_type: FeedHearing['type']
  title: string | null
  starts_at: Date
  ends_at: Date | null
  status: string
  sequence: number
  updated_at: Date
  created_at: Date
}

/** A deadline of the feed with its case. */
interface FeedDeadlineRow {
  id: string
  case_id: string
  number: string
  ctitle: string
  title: string
  due_on: string
  citation: string | null
  status: string
  sequence: number
  updated_at: Date
  created_at: Date
}

/**
 * `court_feed_tokens` and what a feed shows. Only a token's id is stored (the URL carries the
 * id and its HMAC); each person has at most one active token.
 */
export const feedRepo = {
  /** The person's active token, if any. */
  async active(q: Queryable, userId: string): Promise<{ id: string; created_at: Date } | null> {
    const { rows } = await q.query<{ id: string; created_at: Date }>(
      'SELECT id, created_at FROM court_feed_tokens WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    )
    return rows[0] ?? null
  },

  /** Revoke the person's active token and store a new one; says whether there was one to revoke. */
  async rotate(q: Queryable, userId: string, id: string, now: Date): Promise<{ replaced: boolean }> {
    const revoked = await q.query(
      'UPDATE court_feed_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL',
      [userId, now],
    )
    await q.query('INSERT INTO court_feed_tokens (id, user_id, created_at) VALUES ($1, $2, $3)', [id, userId, now])
    return { replaced: Boolean(revoked.rowCount) }
  },

  /** Revoke the person's active token; returns its id, or null when there was none. */
  async revoke(q: Queryable, userId: string, now: Date): Promise<string | null> {
    const { rows } = await q.query<{ id: string }>(
      'UPDATE court_feed_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
      [userId, now],
    )
    return rows[0]?.id ?? null
  },

  /** Whose active token this is, or null (revoked or never issued). */
  async owner(q: Queryable, feedId: string): Promise<FeedOwner | null> {
    const { rows } = await q.query<FeedOwner>(
      `SELECT t.user_id, u.name, u.role, u.locale, u.active FROM court_feed_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.id = $1 AND t.revoked_at IS NULL`,
      [feedId],
    )
    return rows[0] ?? null
  },

  /**
   * Hearings starting in [from, to) and deadlines due on the Hong Kong dates from `from` to `to`,
   * of the cases the owner is a visible member of now; cancelled ones included (the feed marks them).
   */
  async items(
    q: Queryable,
    owner: Pick<FeedOwner, 'user_id' | 'role'>,
    now: Date,
    from: Date,
    to: Date,
  ): Promise<{ hearings: FeedHearing[]; deadlines: FeedDeadline[] }> {
    const visible = visibleCaseSql({ c: 'c', m: 'm' }, owner.role, 1, 2)
    const hearings = (
      await q.query<FeedHearingRow>(
        `SELECT h.*, c.number, c.title AS ctitle FROM court_hearings h JOIN cases c ON c.id = h.case_id JOIN case_members m ON m.case_id = c.id
       WHERE ${visible} AND h.starts_at >= $3 AND h.starts_at < $4 ORDER BY h.starts_at, h.id`,
        [owner.user_id, now, from, to],
      )
    ).rows
    const deadlines = (
      await q.query<FeedDeadlineRow>(
        `SELECT d.id, d.case_id, c.number, c.title AS ctitle, d.title, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.citation, d.status, d.sequence,
         d.updated_at, d.created_at
       FROM court_deadlines d JOIN cases c ON c.id = d.case_id JOIN case_members m ON m.case_id = c.id
       WHERE ${visible} AND d.due_on >= $3::date AND d.due_on <= $4::date ORDER BY d.due_on, d.id`,
        [owner.user_id, now, from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)],
      )
    ).rows
    return {
      hearings: hearings.map((h): FeedHearing => ({
        id: h.id,
        caseId: h.case_id,
        caseNumber: h.number,
        caseTitle: h.ctitle,
        courtCaseNumber: h.court_case_number,
        court: h.court,
        judge: h.judge,
        courtroom: h.courtroom,
        type: h.hearing_type,
        title: h.title,
        startsAt: new Date(h.starts_at),
        endsAt: h.ends_at ? new Date(h.ends_at) : null,
        cancelled: h.status === 'cancelled',
        sequence: h.sequence,
        updatedAt: new Date(h.updated_at),
        createdAt: new Date(h.created_at),
      })),
      deadlines: deadlines.map((d): FeedDeadline => ({
        id: d.id,
        caseId: d.case_id,
        caseNumber: d.number,
        caseTitle: d.ctitle,
        title: d.title,
        dueOn: d.due_on,
        citation: d.citation,
        cancelled: d.status === 'cancelled',
        done: d.status === 'done',
        sequence: d.sequence,
        updatedAt: new Date(d.updated_at),
        createdAt: new Date(d.created_at),
      })),
    }
  },
}
