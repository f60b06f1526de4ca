import { randomUUID } from 'node:crypto'
import { Tier, caseRoomApi, decide, visibleTiers, type CaseAction, type Locale } from '@suite/domain'
import type { FastifyRequest } from 'fastify'
import type { App, Deps } from '../deps'
import type { Queryable } from '../db/db'
import { serve } from '../http/endpoint'
import { auditFor } from '../http/auth-context'
import { notFound } from '../http/errors'
import { appLink } from '../http/links'
import { notifyEach } from '../jobs/notify'
import { enforce, membersWhoSee, openCase, type CaseAccess } from './guard'
import { documentsRepo } from './documents-repo'
import { commentsRepo, type CommentTargetType } from './comments-repo'
import { caseRoomText, threadName } from './messages'
import { eventsRepo } from './timeline-repo'

/** What a comment hangs on, the tier that decides who may read and write it, and its name in a message. */
interface Target {
  type: CommentTargetType
  id: string
  tier: Tier
  name: (locale: Locale) => string
  link: string
}

/**
 * Comments on documents (the document's tier decides), on timeline entries (public) and each
 * tier's discussion thread (the private one is the firm's strategy thread). Externals may
 * comment on restricted drafts but never see private ones: those answer 404.
 */
export async function caseCommentRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  async function resolve(
    q: Queryable,
    req: FastifyRequest,
    caseId: string,
    type: CommentTargetType,
    id: string,
    action: CaseAction,
  ): Promise<{ a: CaseAccess; target: Target }> {
    const a = await openCase(q, req, caseId, deps.now())
    let target: Target
    if (type === 'document') {
      const doc = await documentsRepo.find(q, a.caseRow.id, id)
      if (!doc) throw notFound('Document not found')
      target = { type, id, tier: doc.tier, name: () => doc.title, link: `/cases/${caseId}/documents/${id}` }
    } else if (type === 'event') {
      const ev = await eventsRepo.find(q, a.caseRow.id, id)
      if (!ev) throw notFound('Timeline entry not found')
      target = { type, id, tier: 'public', name: () => ev.title, link: `/cases/${caseId}/timeline` }
    } else {
      const tier = Tier.safeParse(id)
      if (!tier.success) throw notFound('Thread not found')
      target = {
        type,
        id,
        tier: tier.data,
        name: (l) => threadName(l, tier.data),
        link: `/cases/${caseId}/${tier.data}`,
      }
    }
    enforce(decide(a.subject, target.tier, action), 'Not found')
    return { a, target }
  }

  const { comments } = caseRoomApi
  for (const [type, api] of [
    ['document', comments.document],
    ['event', comments.event],
    ['thread', comments.thread],
  ] as const) {
    // Only comments written in a tier the caller can see: a private remark stays private when its document is shared.
    serve(app, api.list, async (req) => {
      const { a, target } = await resolve(db, req, req.params.caseId, type, req.params.targetId, 'view')
      return { items: await commentsRepo.list(db, a.caseRow.id, type, target.id, visibleTiers(a.subject)) }
    })

    serve(app, api.create, async (req) => {
      const now = deps.now()
      const id = `cmt-${randomUUID()}`
      return db.tx(async (q) => {
        const { a, target } = await resolve(q, req, req.params.caseId, type, req.params.targetId, 'comment')
        const page = type === 'document' ? (req.body.page ?? null) : null
        const { user } = a.auth
        const { body } = req.body
        await commentsRepo.create(q, {
          id,
          caseId: a.caseRow.id,
          type,
          targetId: target.id,
          authorId: user.id,
          body,
          page,
          tier: target.tier,
          now,
        })
        await auditFor(req, q, {
          action: 'case.comment',
          targetType: type,
          targetId: target.id,
          caseId: a.caseRow.id,
          detail: { commentId: id, tier: target.tier },
        })
        await notifyEach(q, {
          userIds: await membersWhoSee(q, a.caseRow.id, target.tier, now, [user.id]),
          kind: 'case.comment_new',
          caseId: a.caseRow.id,
          link: appLink(deps.env, 'case-room', target.link),
          text: (l) =>
            caseRoomText(l, 'comment', {
              number: a.caseRow.number,
              actor: user.name,
              target: target.name(l),
              text: body.slice(0, 200),
            }),
        })
        return {
          id,
          authorId: user.id,
          authorName: user.name,
          authorRole: user.role,
          body,
          page,
          createdAt: now.toISOString(),
        }
      })
    })
  }
}
