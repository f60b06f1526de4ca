import type { CaseComment, Role, Tier } from '@suite/domain'
import type { Queryable } from '../db/db'

/** What a comment hangs on: a document, a timeline entry or a tier's discussion thread. */
export type CommentTargetType = 'document' | 'event' | 'thread'

interface CommentRow {
  id: string
  author_id: string
  name: string
  role: Role
  body: string
  page: number | null
  created_at: Date
}

const toComment = (r: CommentRow): CaseComment => ({
  id: r.id,
  authorId: r.author_id,
  authorName: r.name,
  authorRole: r.role,
  body: r.body,
  page: r.page,
  createdAt: new Date(r.created_at).toISOString(),
})

/** The `case_comments` table: each comment keeps the tier it was written in. */
export const commentsRepo = {
  /** The first 1000 comments on a target written in one of `tiers`, oldest first. */
  async list(
    q: Queryable,
    caseId: string,
    type: CommentTargetType,
    targetId: string,
    tiers: readonly Tier[],
  ): Promise<CaseComment[]> {
    const { rows } = await q.query<CommentRow>(
      `SELECT k.id, k.author_id, u.name, u.role, k.body, k.page, k.created_at FROM case_comments k JOIN users u ON u.id = k.author_id
       WHERE k.case_id = $1 AND k.target_type = $2 AND k.target_id = $3 AND k.tier = ANY($4::text[]) ORDER BY k.created_at, k.id LIMIT 1000`,
      [caseId, type, targetId, [...tiers]],
    )
    return rows.map(toComment)
  },

  /** A comment written in `tier` (the tier of its target now). */
  async create(
    q: Queryable,
    c: {
      id: string
      caseId: string
      type: CommentTargetType
      targetId: string
      authorId: string
      body: string
      page: number | null
      tier: Tier
      now: Date
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO case_comments (id, case_id, target_type, target_id, author_id, body, page, created_at, tier)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [c.id, c.caseId, c.type, c.targetId, c.authorId, c.body, c.page, c.now, c.tier],
    )
  },
}
