import type { FastifyRequest } from 'fastify'
import type { StepUpMethod } from '@suite/domain'
import type { Db } from '../db/db'
import { appendAudit } from '../audit/log'
import { findElevation } from '../auth/step-up'
import { requireUser, type AuthContext } from './auth-context'
import { HttpError } from './errors'

/** What {@link requireStepUp} needs from the app; set once by {@link installStepUp}. */
export interface StepUpContext {
  db: Db
  now: () => Date
}

declare module 'fastify' {
  interface FastifyInstance {
    suiteStepUp: StepUpContext
  }
}

/** Make {@link requireStepUp} work in this app (the step-up route module calls it). */
export function installStepUp(
  app: { hasDecorator(name: string): boolean; decorate(name: string, value: unknown): unknown },
  ctx: StepUpContext,
): void {
  if (!app.hasDecorator('suiteStepUp')) app.decorate('suiteStepUp', ctx)
}

/** What the guard says about the refused or allowed operation, for the audit row. */
export interface StepUpOperation {
  /** A name for the operation, e.g. `case.wall.lift`; the route's method and URL when absent. */
  action?: string
  targetType?: string | null
  targetId?: string | null
  caseId?: string | null
}

/**
 * Refuse a privileged operation unless the caller's session holds a fresh step-up (a second
 * factor confirmed within the last five minutes). A refusal is written to the audit log and
 * answered 403 `step_up_required`, which the apps turn into the step-up dialog.
 *
 * Call it after your role check and BEFORE opening your transaction: it reads and writes
 * through the database itself, and the refusal must stay recorded although your change does not
 * happen (PGlite would also deadlock on a nested use of `db` inside `db.tx`).
 *
 * @example
 * const a = requireRole(req, ADMIN_ROLES)
 * await requireStepUp(req, { action: 'case.wall.lift', caseId, targetType: 'user', targetId: userId })
 * await deps.db.tx(async (q) => { ...change...; await auditFor(req, q, {...}) })
 */
export async function requireStepUp(
  req: FastifyRequest,
  op: StepUpOperation = {},
): Promise<AuthContext & { stepUp: { method: StepUpMethod; expiresAt: Date } }> {
  const auth = requireUser(req)
  const ctx = req.server.suiteStepUp
  if (!ctx) throw new Error('requireStepUp: installStepUp was not called for this app')
  const found = await findElevation(ctx.db, auth.sessionIdHash, ctx.now())
  if (found) return { ...auth, stepUp: found }
  const operation = op.action ?? `${req.method} ${req.routeOptions.url ?? req.url}`
  await ctx.db.tx((q) =>
    appendAudit(
      q,
      {
        actorId: auth.user.id,
        actorName: auth.user.name,
        requestId: req.id,
        action: 'step_up.refused',
        targetType: op.targetType ?? null,
        targetId: op.targetId ?? null,
        caseId: op.caseId ?? null,
        detail: { operation },
      },
      ctx.now(),
    ),
  )
  throw new HttpError('step_up_required', 'Confirm it is you with your second factor, then try again')
}
