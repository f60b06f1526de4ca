import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { authApi, dingtalkApi, type Session } from '@suite/domain'
import type { App, Deps } from '../deps'
import { claimAuthCode, openSession, revokeSession } from './sessions'
import { authRepo } from './repo'
import { DingTalkApiError } from '../dingtalk/client'
import { jsapiSignature } from '../dingtalk/signature'
import { serve } from '../http/endpoint'
import { HttpError, notFound } from '../http/errors'
import { SESSION_COOKIE, auditFor, clearSessionCookie, requireUser } from '../http/auth-context'
import { findUser, toUser, upsertDingTalkUser, type UserRow } from '../users/repo'
import { appendAudit } from '../audit/log'
import { publicBase } from '../env'

/** Sign-in through DingTalk, the dev picker, the session, sign-out and the `dd.config` signature. */
export async function authRoutes(app: App, deps: Deps): Promise<void> {
  const { db, env } = deps
  const rateLimit = { rateLimit: { max: env.SIGN_IN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } }

  async function sessionBody(
    user: UserRow,
    csrfToken: string,
    expiresAt: Date,
    method: Session['method'],
  ): Promise<Session> {
    const org = await authRepo.org(db, user.org_id)
    if (!org) throw new Error(`org ${user.org_id} missing`)
    return {
      user: toUser(user),
      org: { id: org.id as Session['org']['id'], corpId: org.corp_id, name: org.name },
      csrfToken,
      expiresAt: expiresAt.toISOString(),
      method,
    }
  }

  async function startSession(
    req: FastifyRequest,
    reply: FastifyReply,
    user: UserRow,
    method: 'dingtalk' | 'dev',
    extra: Record<string, unknown>,
  ) {
    const opened = await db.tx(async (q) => {
      const s = await openSession(q, {
        userId: user.id,
        method,
        ttlMinutes: env.SESSION_TTL_MINUTES,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        now: deps.now(),
      })
      await appendAudit(q, {
        actorId: user.id,
        actorName: user.name,
        action: 'auth.sign_in',
        targetType: 'user',
        targetId: user.id,
        requestId: req.id,
        detail: { method, ...extra },
      })
      return s
    })
    const none = env.COOKIE_SAMESITE === 'none'
    reply.setCookie(SESSION_COOKIE, opened.token, {
      path: '/',
      httpOnly: true,
      signed: true,
      sameSite: env.COOKIE_SAMESITE,
      secure: none || env.NODE_ENV === 'production',
      partitioned: none,
      expires: opened.expiresAt,
    })
    return sessionBody(user, opened.csrfToken, opened.expiresAt, method)
  }

  serve(app, authApi.config, async () => ({
    corpId: env.DINGTALK_CORP_ID,
    devSignIn: env.DEV_SIGN_IN,
    devUsers: env.DEV_SIGN_IN ? await authRepo.devUsers(db) : [],
  }))

  serve(
    app,
    authApi.signInWithCode,
    async (req, reply) => {
      const { corpId, code } = req.body
      if (corpId !== env.DINGTALK_CORP_ID)
        throw new HttpError('unauthenticated', 'This app is not installed for that organisation')
      if (!(await claimAuthCode(db, code))) {
        await db.tx((q) =>
          appendAudit(q, {
            actorId: null,
            actorName: null,
            action: 'auth.code_replayed',
            requestId: req.id,
            detail: { ip: req.ip },
          }),
        )
        throw new HttpError('unauthenticated', 'This sign-in code was already used; open the app again from DingTalk')
      }
      let profile
      try {
        const info = await deps.dingtalk.userInfoByCode(code)
        profile = await deps.dingtalk.getUser(info.userid)
      } catch (e) {
        if (e instanceof DingTalkApiError && e.kind === 'rejected') {
          await db.tx((q) =>
            appendAudit(q, {
              actorId: null,
              actorName: null,
              action: 'auth.code_rejected',
              requestId: req.id,
              detail: { dingtalkCode: e.code },
            }),
          )
          throw new HttpError(
            'unauthenticated',
            'DingTalk did not accept this sign-in code; open the app again from DingTalk',
          )
        }
        req.log.warn({ err: e }, 'DingTalk unavailable during sign-in')
        throw new HttpError('upstream_unavailable', 'DingTalk is not answering right now; try again in a moment')
      }
      const org = await authRepo.orgByCorpId(db, corpId)
      if (!org) throw new HttpError('unauthenticated', 'This app is not set up for that organisation yet')
      const { row } = await db.tx((q) => upsertDingTalkUser(q, org.id, profile))
      if (!row.active)
        throw new HttpError('forbidden', 'Your account has been deactivated; contact your IT administrator')
      return startSession(req, reply, row, 'dingtalk', { dingtalkUserId: profile.userid })
    },
    { config: rateLimit },
  )

  serve(
    app,
    authApi.devSignIn,
    async (req, reply) => {
      if (!env.DEV_SIGN_IN) throw notFound()
      const user = await findUser(db, req.body.userId)
      if (!user)
        throw new HttpError('validation_failed', 'Unknown user', [
          { path: 'userId', code: 'unknown', message: 'No such user' },
        ])
      if (!user.active) throw new HttpError('forbidden', 'This account has been deactivated')
      return startSession(req, reply, user, 'dev', {})
    },
    { config: rateLimit },
  )

  serve(app, authApi.session, async (req) => {
    const a = requireUser(req)
    return sessionBody(a.user, a.csrfToken, a.expiresAt, a.method)
  })

  serve(app, authApi.signOut, async (req, reply) => {
    const a = requireUser(req)
    await db.tx(async (q) => {
      await revokeSession(q, a.sessionIdHash)
      await auditFor(req, q, { action: 'auth.sign_out', targetType: 'user', targetId: a.user.id })
    })
    clearSessionCookie(reply)
    return reply.send()
  })

  serve(app, dingtalkApi.jsapiSignature, async (req) => {
    requireUser(req)
    // Signed only for pages of the suite's own public origin; the request's Host is not asked.
    if (new URL(req.body.url).origin !== new URL(publicBase(env)).origin) {
      throw new HttpError('validation_failed', "The URL is not one of this suite's pages", [
        { path: 'url', code: 'foreign_url', message: 'URL host does not match the suite' },
      ])
    }
    let ticket: string
    try {
      ticket = await deps.dingtalk.jsapiTicket()
    } catch {
      throw new HttpError('upstream_unavailable', 'DingTalk is not answering right now; try again in a moment')
    }
    const nonceStr = randomBytes(12).toString('hex')
    const timeStamp = Math.floor(deps.now().getTime() / 1000)
    return {
      agentId: env.DINGTALK_AGENT_ID,
      corpId: env.DINGTALK_CORP_ID,
      timeStamp,
      nonceStr,
      signature: jsapiSignature(ticket, nonceStr, timeStamp, req.body.url),
    }
  })
}
