import type { FastifyInstance, FastifyRequest } from 'fastify'
import { isInternalRole } from '@suite/domain'
import type { Db } from '../db/db'
import { auditFor } from './auth-context'

/** Reads that say nothing about a case: the caller's own session and second-factor state. */
const NOT_CASE_DATA = /^\/api\/(?:auth\/|step-up(?:\/|$)|openapi\.json$)/

/** The most specific item a read names, from the route's own parameters. */
function itemOf(req: FastifyRequest): {
  targetType: string
  targetId: string | null
  caseId: string | null
  page: number | null
} {
  const p = (req.params ?? {}) as Record<string, string | number | undefined>
  const caseId = typeof p.caseId === 'string' ? p.caseId : null
  const page = p.page === undefined ? null : Number(p.page)
  if (p.docId !== undefined) return { targetType: 'document', targetId: String(p.docId), caseId, page }
  const other = Object.entries(p).find(([k]) => k !== 'caseId' && k !== 'page')
  if (other) return { targetType: other[0].replace(/Id$/, ''), targetId: String(other[1]), caseId, page }
  return { targetType: caseId ? 'case' : 'route', targetId: caseId, caseId, page }
}

/**
 * Every successful read by someone outside the firm (a client, an outside expert) goes into the
 * audit chain, naming the reader, the route, the case, the item and the page, before the answer
 * leaves: if the entry cannot be written, the answer is not sent. The firm owes a regulator a
 * complete record of what outsiders saw.
 */
export function installExternalReadAudit(app: FastifyInstance, db: Db): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const a = req.auth
    if (!a || isInternalRole(a.user.role) || (req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode >= 300)
      return payload
    const route = req.routeOptions.url
    if (!route || !route.startsWith('/api/') || NOT_CASE_DATA.test(route)) return payload
    const item = itemOf(req)
    const query = req.query && typeof req.query === 'object' ? (req.query as Record<string, unknown>) : {}
    await db.tx((q) =>
      auditFor(req, q, {
        action: 'external.read',
        targetType: item.targetType,
        targetId: item.targetId,
        caseId: item.caseId,
        detail: {
          route,
          ...(item.page !== null ? { page: item.page } : {}),
          ...(Object.keys(query).length ? { query } : {}),
        },
      }),
    )
    return payload
  })
}
