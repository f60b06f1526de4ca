import { courtCalendarApi as api, fillPath } from '@suite/domain'
import type { App, Deps } from '../../deps'
import { API_PREFIX, serve } from '../../http/endpoint'
import { publicUrlOf } from '../../http/links'
import { auditFor, requireUser } from '../../http/auth-context'
import { notFound } from '../../http/errors'
import { feedRepo } from '../feed-repo'
import { buildFeed, feedIdOf, feedToken, newFeedId } from '../ical-feed'
import { WORDS } from '../labels'

const PAST_DAYS = 90
const FUTURE_DAYS = 730

/**
 * The caller's iCalendar feed: a secret URL (`<id>.<hmac>`, only the id is stored) that a
 * calendar app subscribes to without a session. Rotating or revoking it makes the old URL
 * answer 404 at once.
 */
export async function courtFeedRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  // From the public URL only, like every link the firm hands out.
  const urlOf = (feedId: string) =>
    publicUrlOf(deps.env, `${API_PREFIX}${fillPath(api.feedCalendar.path, { token: feedToken(deps.secret, feedId) })}`)

  serve(app, api.getFeed, async (req) => {
    const a = requireUser(req)
    const f = await feedRepo.active(db, a.user.id)
    return f ? { url: urlOf(f.id), createdAt: new Date(f.created_at).toISOString() } : { url: null, createdAt: null }
  })

  serve(app, api.rotateFeed, async (req) => {
    const a = requireUser(req)
    const now = deps.now()
    const id = newFeedId()
    await db.tx(async (q) => {
      const { replaced } = await feedRepo.rotate(q, a.user.id, id, now)
      await auditFor(req, q, {
        action: replaced ? 'court.feed.rotate' : 'court.feed.create',
        targetType: 'court_feed',
        targetId: id,
        detail: {},
      })
    })
    return { url: urlOf(id), createdAt: now.toISOString() }
  })

  serve(app, api.revokeFeed, async (req, reply) => {
    const a = requireUser(req)
    await db.tx(async (q) => {
      const revoked = await feedRepo.revoke(q, a.user.id, deps.now())
      if (revoked)
        await auditFor(req, q, { action: 'court.feed.revoke', targetType: 'court_feed', targetId: revoked, detail: {} })
    })
    return reply.send()
  })

  // The subscription itself: no session, the token is the credential.
  serve(app, api.feedCalendar, async (req, reply) => {
    const feedId = feedIdOf(deps.secret, req.params.token)
    const owner = feedId ? await feedRepo.owner(db, feedId) : null
    if (!owner || !owner.active) throw notFound('Calendar feed not found')
    const now = deps.now()
    const from = new Date(now.getTime() - PAST_DAYS * 86_400_000)
    const to = new Date(now.getTime() + FUTURE_DAYS * 86_400_000)
    const { hearings, deadlines } = await feedRepo.items(db, owner, now, from, to)
    const body = buildFeed({
      name: `${WORDS[owner.locale].calendar} · ${owner.name}`,
      locale: owner.locale,
      hearings,
      deadlines,
    })
    reply.header('content-type', 'text/calendar; charset=utf-8')
    reply.header('cache-control', 'private, max-age=300')
    reply.header('content-disposition', 'inline; filename="court-calendar.ics"')
    return reply.send(body)
  })
}
