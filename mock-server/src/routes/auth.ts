import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AuthConfig, DevSignIn, ErrorBody, JsapiSignature, JsapiSignatureRequest, Session, SignInWithCode } from '@suite/domain'
import type { App, Deps } from '../deps'
import { claimAuthCode, openSession, revokeSession } from '../auth/sessions'
import { DingTalkApiError } from '../dingtalk/client'
import { jsapiSignature } from '../dingtalk/signature'
import { HttpError, notFound } from '../http/errors'
import { SESSION_COOKIE, auditFor, clearSessionCookie, requireUser } from '../http/auth-context'
import { findUser, toUser, upsertDingTalkUser, type UserRow } from '../users/repo'
import { appendAudit } from '../audit/log'
import { publicBase } from '../env'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody, 502: ErrorBody }

/** Sign-in through DingTalk, the dev picker, the session, sign-out and the `dd.config` signature. */
export async function authRoutes(app: App, deps: Deps): Promise<void> {
  const { db, env } = deps
  const rateLimit = { rateLimit: { max: env.SIGN_IN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } }

  async function sessionBody(user: UserRow, csrfToken: string, expiresAt: Date, method: Session['method']): Promise<Session> {
    const org = (await db.query<{ id: string; corp_id: string; name: string }>('SELECT id, corp_id, name FROM orgs WHERE id = $1', [user.org_id])).rows[0]
    if (!org) throw new Error(`org ${user.org_id} missing`)
    return { user: toUser(user), org: { id: org.id as Session['org']['id'], corpId: org.corp_id, name: org.name }, csrfToken, expiresAt: expiresAt.toISOString(), method }
  }

  async function startSession(req: FastifyRequest, reply: FastifyReply, user: UserRow, method: 'dingtalk' | 'dev', extra: Record<string, unknown>) {
    const opened = await db.tx(async (q) => {
      const s = await openSession(q, { userId: user.id, method, ttlMinutes: env.SESSION_TTL_MINUTES, ip: req.ip, userAgent: req.headers['user-agent'], now: deps.now() })
      await appendAudit(q, { actorId: user.id, actorName: user.name, action: 'auth.sign_in', targetType: 'user', targetId: user.id, requestId: req.id, detail: { method, ...extra } })
      return s
    })
    const none = env.COOKIE_SAMESITE === 'none'
    reply.setCookie(SESSION_COOKIE, opened.token, {
      path: '/', httpOnly: true, signed: true, sameSite: env.COOKIE_SAMESITE, secure: none || env.NODE_ENV === 'production',
      partitioned: none, expires: opened.expiresAt,
    })
    return sessionBody(user, opened.csrfToken, opened.expiresAt, method)
  }

  app.get('/api/auth/config', { schema: { tags: ['auth'], response: { 200: AuthConfig } } }, async () => {
    const devUsers = env.DEV_SIGN_IN
      ? (await db.query<{ id: string; name: string; role: string; title: string | null }>(
        `SELECT id, name, role, title FROM users WHERE active ORDER BY CASE WHEN role IN ('client','external_expert') THEN 1 ELSE 0 END, name`)).rows
      : []
    return { corpId: env.DINGTALK_CORP_ID, devSignIn: env.DEV_SIGN_IN, devUsers }
  })

  app.post('/api/auth/dingtalk', { config: rateLimit, schema: { tags: ['auth'], body: SignInWithCode, response: { 200: Session, ...errors } } }, async (req, reply) => {
    const { corpId, code } = req.body
    if (corpId !== env.DINGTALK_CORP_ID) throw new HttpError('unauthenticated', 'This app is not installed for that organisation')
    if (!(await claimAuthCode(db, code))) {
      await db.tx((q) => appendAudit(q, { actorId: null, actorName: null, action: 'auth.code_replayed', requestId: req.id, detail: { ip: req.ip } }))
      throw new HttpError('unauthenticated', 'This sign-in code was already used; open the app again from DingTalk')
    }
    let profile
    try {
      const info = await deps.dingtalk.userInfoByCode(code)
      profile = await deps.dingtalk.getUser(info.userid)
    } catch (e) {
      if (e instanceof DingTalkApiError && e.kind === 'rejected') {
        await db.tx((q) => appendAudit(q, { actorId: null, actorName: null, action: 'auth.code_rejected', requestId: req.id, detail: { dingtalkCode: e.code } }))
        throw new HttpError('unauthenticated', 'DingTalk did not accept this sign-in code; open the app again from DingTalk')
      }
      req.log.warn({ err: e }, 'DingTalk unavailable during sign-in')
      throw new HttpError('upstream_unavailable', 'DingTalk is not answering right now; try again in a moment')
    }
    const org = (await db.query<{ id: string }>('SELECT id FROM orgs WHERE corp_id = $1', [corpId])).rows[0]
    if (!org) throw new HttpError('unauthenticated', 'This app is not set up for that organisation yet')
    const { row } = await db.tx((q) => upsertDingTalkUser(q, org.id, profile))
    if (!row.active) throw new HttpError('forbidden', 'Your account has been deactivated; contact your IT administrator')
    return startSession(req, reply, row, 'dingtalk', { dingtalkUserId: profile.userid })
  })

  app.post('/api/auth/dev', { config: rateLimit, schema: { tags: ['auth'], body: DevSignIn, response: { 200: Session, ...errors } } }, async (req, reply) => {
    if (!env.DEV_SIGN_IN) throw notFound()
    const user = await findUser(db, req.body.userId)
    if (!user) throw new HttpError('validation_failed', 'Unknown user', [{ path: 'userId', code: 'unknown', message: 'No such user' }])
    if (!user.active) throw new HttpError('forbidden', 'This account has been deactivated')
    return startSession(req, reply, user, 'dev', {})
  })

  app.get('/api/auth/session', { schema: { tags: ['auth'], response: { 200: Session, 401: ErrorBody } } }, async (req) => {
    const a = requireUser(req)
    return sessionBody(a.user, a.csrfToken, a.expiresAt, a.method)
  })

  app.post('/api/auth/sign-out', { schema: { tags: ['auth'], response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody } } }, async (req, reply) => {
    const a = requireUser(req)
    await db.tx(async (q) => {
      await revokeSession(q, a.sessionIdHash)
      await auditFor(req, q, { action: 'auth.sign_out', targetType: 'user', targetId: a.user.id })
    })
    clearSessionCookie(reply)
    return reply.code(204).send(null)
  })

  app.post('/api/dingtalk/jsapi-signature', { schema: { tags: ['auth'], body: JsapiSignatureRequest, response: { 200: JsapiSignature, ...errors } } }, async (req) => {
    requireUser(req)
    // Signed only for pages of the suite's own public origin; the request's Host is not asked.
    if (new URL(req.body.url).origin !== new URL(publicBase(env)).origin) {
      throw new HttpError('validation_failed', 'The URL is not one of this suite\'s pages', [{ path: 'url', code: 'foreign_url', message: 'URL host does not match the suite' }])
    }
    let ticket: string
    try {
      ticket = await deps.dingtalk.jsapiTicket()
    } catch {
      throw new HttpError('upstream_unavailable', 'DingTalk is not answering right now; try again in a moment')
    }
    const nonceStr = randomBytes(12).toString('hex')
    const timeStamp = Math.floor(deps.now().getTime() / 1000)
    return { agentId: env.DINGTALK_AGENT_ID, corpId: env.DINGTALK_CORP_ID, timeStamp, nonceStr, signature: jsapiSignature(ticket, nonceStr, timeStamp, req.body.url) }
  })
}
