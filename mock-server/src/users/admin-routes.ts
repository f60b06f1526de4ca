import { ADMIN_ROLES, adminApi, encodeCursor, isInternalRole } from '@suite/domain'
import type { FastifyRequest } from 'fastify'
import type { App, Deps } from '../deps'
import { IdCursor, readCursor } from '../http/cursor'
import { serve } from '../http/endpoint'
import { auditFor, requireRole, type AuthContext } from '../http/auth-context'
import { requireStepUp } from '../http/step-up'
import { HttpError, notFound } from '../http/errors'
import { revokeUserSessions } from '../auth/sessions'
import { dropUserStepUps, issueEnrolmentCode, removeSecondFactor } from '../auth/step-up'
import { SECOND_FACTOR_KIND, authText } from '../auth/messages'
import { notifyEach } from '../jobs/notify'
import { DingTalkApiError } from '../dingtalk/client'
import { applyDirectory, readDirectory } from './directory-sync'
import { findUser, toAdminUser, usersRepo, type UserRow } from './repo'
import { usersText } from './messages'

/**
 * Users and roles for administrators: the whole directory (externals and deactivated people
 * included), sync from DingTalk, role changes and reactivation (step-up), deactivation that
 * ends every session at once, and resetting a lost authenticator (step-up). All audited.
 */
export async function adminUserRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps
  const adminView = async (id: string) => (await usersRepo.findForAdmin(db, id, deps.now()))!

  /** The person of the path, in the administrator's organisation (404 otherwise). */
  async function targetOf(a: AuthContext, id: string): Promise<UserRow> {
    const target = await findUser(db, id)
    if (!target || target.org_id !== a.user.org_id) throw notFound('No such user')
    return target
  }
  const adminTarget = async (req: FastifyRequest, id: string, roles: readonly string[] = ADMIN_ROLES) => {
    const a = requireRole(req, roles)
    return { a, target: await targetOf(a, id) }
  }

  serve(app, adminApi.listUsers, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const { q, role, status, limit, cursor } = req.query
    const rows = await usersRepo.listForAdmin(db, {
      q,
      role,
      status,
      now: deps.now(),
      after: readCursor(cursor, IdCursor),
      take: limit + 1,
    })
    const items = rows.slice(0, limit).map(toAdminUser)
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null }
  })

  serve(app, adminApi.syncDirectory, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    let dir
    try {
      dir = await readDirectory(deps.dingtalk)
    } catch (e) {
      if (e instanceof DingTalkApiError)
        throw new HttpError(
          'upstream_unavailable',
          'DingTalk did not give the whole directory; nothing was changed. Try again in a moment',
        )
      throw e
    }
    // An empty directory means a misconfigured app, not a firm with no people: never deactivate everyone.
    if (!dir.people.length)
      throw new HttpError(
        'conflict',
        "DingTalk returned no people; nothing was changed. Check the app's directory permission",
      )
    return db.tx((q) =>
      applyDirectory(q, a.user.org_id, dir, { id: a.user.id, name: a.user.name, requestId: req.id }, deps.now()),
    )
  })

  serve(app, adminApi.setRole, async (req) => {
    const { a, target } = await adminTarget(req, req.params.id)
    await requireStepUp(req, { action: 'user.role_change', targetType: 'user', targetId: target.id })
    if (!isInternalRole(target.role))
      throw new HttpError('conflict', 'Outside parties keep their role; invite them again with another one')
    if (target.id === a.user.id)
      throw new HttpError('conflict', 'You cannot change your own role; ask another administrator')
    if (target.role === req.body.role) return adminView(target.id)
    if (target.role === 'it_admin' && (await usersRepo.otherActiveItAdmins(db, target.id)) === 0) {
      throw new HttpError('conflict', 'This is the last IT administrator; give the role to someone else first')
    }
    await db.tx(async (q) => {
      await usersRepo.setRole(q, target.id, req.body.role, deps.now())
      // The apps cache the signed-in user; ending the sessions makes every device pick up the new role.
      const ended = await revokeUserSessions(q, target.id)
      await auditFor(req, q, {
        action: 'user.role_changed',
        targetType: 'user',
        targetId: target.id,
        detail: { from: target.role, to: req.body.role, sessionsEnded: ended },
      })
    })
    return adminView(target.id)
  })

  serve(app, adminApi.deactivate, async (req) => {
    // Deactivation removes access, so it is not held back by a step-up: it must be fast in an incident.
    const { a, target } = await adminTarget(req, req.params.id)
    if (target.id === a.user.id) throw new HttpError('conflict', 'You cannot deactivate yourself')
    if (target.role === 'it_admin' && target.active && (await usersRepo.otherActiveItAdmins(db, target.id)) === 0) {
      throw new HttpError('conflict', 'This is the last IT administrator')
    }
    const ended = await db.tx(async (q) => {
      await usersRepo.setActive(q, target.id, false, deps.now())
      const n = await revokeUserSessions(q, target.id)
      await dropUserStepUps(q, target.id)
      await auditFor(req, q, {
        action: 'user.deactivated',
        targetType: 'user',
        targetId: target.id,
        detail: { reason: 'administrator', sessionsEnded: n },
      })
      return n
    })
    return { user: await adminView(target.id), sessionsEnded: ended }
  })

  serve(app, adminApi.reactivate, async (req) => {
    const { target } = await adminTarget(req, req.params.id)
    await requireStepUp(req, { action: 'user.reactivate', targetType: 'user', targetId: target.id })
    await db.tx(async (q) => {
      await usersRepo.setActive(q, target.id, true, deps.now())
      await auditFor(req, q, { action: 'user.reactivated', targetType: 'user', targetId: target.id })
    })
    return adminView(target.id)
  })

  serve(app, adminApi.resetSecondFactor, async (req) => {
    const { target } = await adminTarget(req, req.params.id)
    await requireStepUp(req, { action: 'user.second_factor_reset', targetType: 'user', targetId: target.id })
    await db.tx(async (q) => {
      const removed = await removeSecondFactor(q, target.id)
      await auditFor(req, q, {
        action: 'user.second_factor_reset',
        targetType: 'user',
        targetId: target.id,
        detail: { removed },
      })
      if (removed)
        await notifyEach(q, {
          userIds: [target.id],
          kind: SECOND_FACTOR_KIND,
          text: (locale) => authText(locale, 'secondFactorRemoved'),
        })
    })
    return adminView(target.id)
  })

  // A set-up code lets a person enrol an authenticator without DingTalk (an outside expert, a lost
  // phone after a reset). It goes to them by a channel IT trusts, never by this app.
  serve(app, adminApi.issueEnrolmentCode, async (req) => {
    const { a, target } = await adminTarget(req, req.params.id, ['it_admin'])
    if (!target.active) throw new HttpError('conflict', 'This account is deactivated; reactivate it first')
    await requireStepUp(req, { action: 'user.enrolment_code_issue', targetType: 'user', targetId: target.id })
    const issued = await db.tx(async (q) => {
      const c = await issueEnrolmentCode(q, deps.secret, target.id, a.user.id, deps.now())
      await auditFor(req, q, {
        action: 'user.enrolment_code_issued',
        targetType: 'user',
        targetId: target.id,
        detail: { enrolmentCodeId: c.id, expiresAt: c.expiresAt.toISOString() },
      })
      await notifyEach(q, {
        userIds: [target.id],
        kind: SECOND_FACTOR_KIND,
        text: (locale) => usersText(locale, 'enrolmentCodeIssued', { name: a.user.name }),
      })
      return c
    })
    return { code: issued.code, expiresAt: issued.expiresAt.toISOString() }
  })
}
