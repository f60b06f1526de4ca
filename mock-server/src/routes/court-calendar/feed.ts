import { z } from 'zod'
import { publicUrlOf } from '../../http/links'
import { CalendarFeed, type Locale, type Role } from '@suite/domain'
import type { App, Deps } from '../../deps'
import { auditFor, requireUser } from '../../http/auth-context'
import { notFound } from '../../http/errors'
import { visibleCaseSql } from '../../cases/access'
import { buildFeed, feedIdOf, feedToken, newFeedId, type FeedDeadline, type FeedHearing } from '../../court-calendar/ical-feed'
import { courtErrors } from './hearings'

const TokenParams = z.object({ token: z.string().min(10).max(200) })
const PAST_DAYS = 90
const FUTURE_DAYS = 730

/**
 * The caller's iCalendar feed: a secret URL (`<id>.<hmac>`, only the id is stored) that a
 * calendar app subscribes to without a session. Rotating or revoking it makes the old URL
 * answer 404 at once.
 */
export async function courtFeedRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  const urlOf = (feedId: string) => publicUrlOf(deps.env, `/api/court-calendar/feed/${feedToken(deps.secret, feedId)}/calendar.ics`)
  const active = async (userId: string) =>
    (await db.query<{ id: string; created_at: Date }>('SELECT id, created_at FROM court_feed_tokens WHERE user_id = $1 AND revoked_at IS NULL', [userId])).rows[0] ?? null

  app.get('/api/court-calendar/feed', { schema: { tags: ['court-calendar'], response: { 200: CalendarFeed, ...courtErrors } } }, async (req) => {
    const a = requireUser(req)
    const f = await active(a.user.id)
    return f ? { url: urlOf(f.id), createdAt: new Date(f.created_at).toISOString() } : { url: null, createdAt: null }
  })

  app.post('/api/court-calendar/feed', { schema: { tags: ['court-calendar'], response: { 201: CalendarFeed, ...courtErrors } } }, async (req, reply) => {
    const a = requireUser(req)
    const now = deps.now()
    const id = newFeedId()
    await db.tx(async (q) => {
      const revoked = await q.query('UPDATE court_feed_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [a.user.id, now])
      await q.query('INSERT INTO court_feed_tokens (id, user_id, created_at) VALUES ($1, $2, $3)', [id, a.user.id, now])
      await auditFor(req, q, { action: revoked.rowCount ? 'court.feed.rotate' : 'court.feed.create', targetType: 'court_feed', targetId: id, detail: {} })
    })
    return reply.code(201).send({ url: urlOf(id), createdAt: now.toISOString() })
  })

  app.delete('/api/court-calendar/feed', { schema: { tags: ['court-calendar'], response: { 204: z.null(), ...courtErrors } } }, async (req, reply) => {
    const a = requireUser(req)
    await db.tx(async (q) => {
      const r = await q.query<{ id: string }>('UPDATE court_feed_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [a.user.id, deps.now()])
      if (r.rows[0]) await auditFor(req, q, { action: 'court.feed.revoke', targetType: 'court_feed', targetId: r.rows[0].id, detail: {} })
    })
    return reply.code(204).send(null)
  })

  // The subscription itself: no session, the token is the credential.
  app.get('/api/court-calendar/feed/:token/calendar.ics', { schema: { tags: ['court-calendar'], params: TokenParams, hide: true } }, async (req, reply) => {
    const feedId = feedIdOf(deps.secret, req.params.token)
    const row = feedId
      ? (await db.query<{ user_id: string; name: string; role: Role; locale: Locale; active: boolean }>(
        `SELECT t.user_id, u.name, u.role, u.locale, u.active FROM court_feed_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1 AND t.revoked_at IS NULL`, [feedId])).rows[0]
      : undefined
    if (!row || !row.active) throw notFound('Calendar feed not found')
    const now = deps.now()
    const from = new Date(now.getTime() - PAST_DAYS * 86_400_000)
    const to = new Date(now.getTime() + FUTURE_DAYS * 86_400_000)
    const visible = visibleCaseSql({ c: 'c', m: 'm' }, row.role, 1, 2)
    const hearings = (await db.query<{
      id: string; case_id: string; number: string; ctitle: string; court_case_number: string; court: string; judge: string | null; courtroom: string | null
      hearing_type: FeedHearing['type']; title: string | null; starts_at: Date; ends_at: Date | null; status: string; sequence: number; updated_at: Date; created_at: Date
    }>(`SELECT h.*, c.number, c.title AS ctitle FROM court_hearings h JOIN cases c ON c.id = h.case_id JOIN case_members m ON m.case_id = c.id
        WHERE ${visible} AND h.starts_at >= $3 AND h.starts_at < $4 ORDER BY h.starts_at, h.id`, [row.user_id, now, from, to])).rows
    const deadlines = (await db.query<{
      id: string; case_id: string; number: string; ctitle: string; title: string; due_on: string; citation: string | null; status: string; sequence: number; updated_at: Date; created_at: Date
    }>(`SELECT d.id, d.case_id, c.number, c.title AS ctitle, d.title, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.citation, d.status, d.sequence, d.updated_at, d.created_at
        FROM court_deadlines d JOIN cases c ON c.id = d.case_id JOIN case_members m ON m.case_id = c.id
        WHERE ${visible} AND d.due_on >= $3::date AND d.due_on <= $4::date ORDER BY d.due_on, d.id`, [row.user_id, now, from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)])).rows
    const body = buildFeed({
      name: `${{ 'zh-HK': '法庭日程', 'zh-CN': '法庭日程', en: 'Court calendar' }[row.locale]} · ${row.name}`,
      locale: row.locale,
      hearings: hearings.map((h): FeedHearing => ({
        id: h.id, caseId: h.case_id, caseNumber: h.number, caseTitle: h.ctitle, courtCaseNumber: h.court_case_number, court: h.court, judge: h.judge,
        courtroom: h.courtroom, type: h.hearing_type, title: h.title, startsAt: new Date(h.starts_at), endsAt: h.ends_at ? new Date(h.ends_at) : null,
        cancelled: h.status === 'cancelled', sequence: h.sequence, updatedAt: new Date(h.updated_at), createdAt: new Date(h.created_at),
      })),
      deadlines: deadlines.map((d): FeedDeadline => ({
        id: d.id, caseId: d.case_id, caseNumber: d.number, caseTitle: d.ctitle, title: d.title, dueOn: d.due_on, citation: d.citation,
        cancelled: d.status === 'cancelled', done: d.status === 'done', sequence: d.sequence, updatedAt: new Date(d.updated_at), createdAt: new Date(d.created_at),
      })),
    })
    reply.header('content-type', 'text/calendar; charset=utf-8')
    reply.header('cache-control', 'private, max-age=300')
    reply.header('content-disposition', 'inline; filename="court-calendar.ics"')
    return reply.send(body)
  })
}
