import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { CaseComment, CommentCreate, ErrorBody, Tier, decide, visibleTiers, type CaseAction, type Role } from '@suite/domain'
import type { FastifyRequest } from 'fastify'
import type { App, Deps } from '../deps'
import type { Queryable } from '../db/db'
import { auditFor } from '../http/auth-context'
import { notFound } from '../http/errors'
import { enforce, membersWhoSee, openCase, type CaseAccess } from '../case-room/guard'
import { appLink } from '../http/links'
import { documentRow } from '../case-room/documents'
import { notify } from '../jobs/notify'

type TargetType = 'document' | 'event' | 'thread'

/** What a comment hangs on, and the tier that decides who may read and write it. */
interface Target { type: TargetType; id: string; tier: Tier; title: string; link: string }

interface CommentRow { id: string; author_id: string; name: string; role: Role; body: string; page: number | null; created_at: Date }

const Params = z.object({ caseId: z.string().min(1).max(64) })
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const CommentList = z.object({ items: z.array(CaseComment) })

/**
 * Comments on documents (the document's tier decides), on timeline entries (public) and each
 * tier's discussion thread (the private one is the firm's strategy thread). Externals may
 * comment on restricted drafts but never see private ones: those answer 404.
 */
export async function caseCommentRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  async function resolve(q: Queryable, req: FastifyRequest, caseId: string, type: TargetType, id: string, action: CaseAction): Promise<{ a: CaseAccess; target: Target }> {
    const a = await openCase(q, req, caseId, deps.now())
    let target: Target
    if (type === 'document') {
      const doc = await documentRow(q, a.caseRow.id, id)
      if (!doc) throw notFound('Document not found')
      target = { type, id, tier: doc.tier, title: doc.title, link: `/cases/${caseId}/documents/${id}` }
    } else if (type === 'event') {
      const ev = (await q.query<{ title: string }>('SELECT title FROM case_events WHERE case_id = $1 AND id = $2', [a.caseRow.id, id])).rows[0]
      if (!ev) throw notFound('Timeline entry not found')
      target = { type, id, tier: 'public', title: ev.title, link: `/cases/${caseId}/timeline` }
    } else {
      const tier = Tier.safeParse(id)
      if (!tier.success) throw notFound('Thread not found')
      target = { type, id, tier: tier.data, title: tier.data === 'private' ? 'Strategy discussion' : `Discussion (${tier.data})`, link: `/cases/${caseId}/${tier.data}` }
    }
    enforce(decide(a.subject, target.tier, action), 'Not found')
    return { a, target }
  }

  /** Comments on `t` that the caller may read: written in a tier they can see (a private remark stays private when its document is shared). */
  async function list(q: Queryable, a: CaseAccess, t: Target) {
    const { rows } = await q.query<CommentRow>(
      `SELECT k.id, k.author_id, u.name, u.role, k.body, k.page, k.created_at FROM case_comments k JOIN users u ON u.id = k.author_id
       WHERE k.case_id = $1 AND k.target_type = $2 AND k.target_id = $3 AND k.tier = ANY($4::text[]) ORDER BY k.created_at, k.id LIMIT 1000`,
      [a.caseRow.id, t.type, t.id, visibleTiers(a.subject)])
    return rows.map((r) => ({ id: r.id, authorId: r.author_id, authorName: r.name, authorRole: r.role, body: r.body, page: r.page, createdAt: new Date(r.created_at).toISOString() }))
  }

  for (const [type, path] of [['document', 'documents/:targetId'], ['event', 'events/:targetId'], ['thread', 'threads/:targetId']] as const) {
    const TargetParams = Params.extend({ targetId: z.string().min(1).max(64) })

    app.get(`/api/cases/:caseId/${path}/comments`, { schema: { tags: ['case-room'], params: TargetParams, response: { 200: CommentList, ...errors } } }, async (req) => {
      const { a, target } = await resolve(db, req, req.params.caseId, type, req.params.targetId, 'view')
      return { items: await list(db, a, target) }
    })

    app.post(`/api/cases/:caseId/${path}/comments`, { schema: { tags: ['case-room'], params: TargetParams, body: CommentCreate, response: { 201: CaseComment, ...errors } } }, async (req, reply) => {
      const now = deps.now()
      const id = `cmt-${randomUUID()}`
      const made = await db.tx(async (q) => {
        const { a, target } = await resolve(q, req, req.params.caseId, type, req.params.targetId, 'comment')
        const page = type === 'document' ? req.body.page ?? null : null
        await q.query('INSERT INTO case_comments (id, case_id, target_type, target_id, author_id, body, page, created_at, tier) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [id, a.caseRow.id, type, target.id, a.auth.user.id, req.body.body, page, now, target.tier])
        await auditFor(req, q, { action: 'case.comment', targetType: type, targetId: target.id, caseId: a.caseRow.id, detail: { commentId: id, tier: target.tier } })
        await notify(q, {
          userIds: await membersWhoSee(q, a.caseRow.id, target.tier, now, [a.auth.user.id]), kind: 'case.comment_new', caseId: a.caseRow.id,
          title: `案件 ${a.caseRow.number}：新留言 New comment`, body: `${a.auth.user.name} on ${target.title}: ${req.body.body.slice(0, 200)}`,
          link: appLink(deps.env, 'case-room', target.link),
        })
        return { id, authorId: a.auth.user.id, authorName: a.auth.user.name, authorRole: a.auth.user.role, body: req.body.body, page, createdAt: now.toISOString() }
      })
      return reply.code(201).send(made)
    })
  }
}
