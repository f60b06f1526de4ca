import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isInternalRole, type Session } from '@suite/domain'
import type { Queryable } from '../db/db'
import { lookupSession } from '../auth/sessions'
import type { UserRow } from '../users/repo'
import { HttpError } from './errors'
import { appendAudit, type AuditEvent } from '../audit/log'

export const SESSION_COOKIE = 'suite_sid'

/** The signed-in caller of a request. */
export interface AuthContext {
  user: UserRow
  csrfToken: string
  expiresAt: Date
  method: Session['method']
  sessionIdHash: string
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null
    authProblem: 'forged' | 'unknown' | 'expired' | 'revoked' | 'user_inactive' | null
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Resolve the session cookie of every `/api` request, and refuse a write that lacks the
 * session's CSRF token. Routes then call {@link requireUser}.
 */
export function installAuthContext(app: FastifyInstance, q: Queryable, now: () => Date): void {
  app.decorateRequest('auth', null)
  app.decorateRequest('authProblem', null)
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return
    const raw = req.cookies[SESSION_COOKIE]
    if (!raw) return
    const unsigned = req.unsignCookie(raw)
    if (!unsigned.valid || !unsigned.value) {
      req.authProblem = 'forged'
      return
    }
    const found = await lookupSession(q, unsigned.value, now())
    if (!found.ok) {
      req.authProblem = found.reason
      return
    }
    req.auth = {
      user: found.user,
      csrfToken: found.csrfToken,
      expiresAt: found.expiresAt,
      method: found.method,
      sessionIdHash: found.idHash,
    }
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== found.csrfToken) {
      throw new HttpError('csrf_failed', 'This request is missing its security token; reload the page and try again')
    }
  })
}

/** The signed-in user, or a 401 that says whether the session expired or never existed. */
export function requireUser(req: FastifyRequest): AuthContext {
  if (req.auth) return req.auth
  if (req.authProblem === 'expired') throw new HttpError('session_expired', 'Your session has expired; sign in again')
  throw new HttpError('unauthenticated', 'Sign in to continue')
}

/** 403 unless the caller is one of the firm's own people (clients and outside experts are not). */
export function requireStaff(req: FastifyRequest, message = "This is for the firm's staff"): AuthContext {
  const a = requireUser(req)
  if (!isInternalRole(a.user.role)) throw new HttpError('forbidden', message)
  return a
}

/** 403 unless the caller holds one of `roles`. */
export function requireRole(req: FastifyRequest, roles: readonly string[]): AuthContext {
  const a = requireUser(req)
  if (!roles.includes(a.user.role)) throw new HttpError('forbidden', 'Your role cannot do this')
  return a
}

/** Append an audit event on behalf of the request's caller, inside the given transaction. */
export function auditFor(
  req: FastifyRequest,
  q: Queryable,
  ev: Omit<AuditEvent, 'actorId' | 'actorName' | 'requestId'> & Partial<AuditEvent>,
) {
  return appendAudit(q, {
    actorId: req.auth?.user.id ?? null,
    actorName: req.auth?.user.name ?? null,
    requestId: req.id,
    ...ev,
  })
}

/** Clear the cookie (sign-out, forged or expired session). */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}
