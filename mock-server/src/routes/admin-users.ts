import { z } from 'zod'
import { IdCursor, readCursor } from '../http/cursor'
import {
  ADMIN_ROLES, AdminUser, AdminUserQuery, DeactivationResult, DirectorySyncResult, EnrolmentCode, ErrorBody, Page, RoleChange, encodeCursor,
  isInternalRole,
} from '@suite/domain'
import type { App, Deps } from '../deps'
import type { Queryable } from '../db/db'
import { auditFor, requireRole } from '../http/auth-context'
import { requireStepUp } from '../http/step-up'
import { HttpError, notFound } from '../http/errors'
import { revokeUserSessions } from '../auth/sessions'
import { issueEnrolmentCode, removeSecondFactor } from '../auth/step-up'
import { notify } from '../jobs/notify'
import { SECOND_FACTOR_REMOVED } from './step-up'
import { DingTalkApiError } from '../dingtalk/client'
import { applyDirectory, readDirectory } from '../users/directory-sync'
import { findUser, toUser, type UserRow } from '../users/repo'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 502: ErrorBody }
const IdParams = z.object({ id: z.string().min(1).max(64) })
type AdminRow = UserRow & { totp: boolean; open_sessions: number }

const SELECT = `SELECT u.*,
  EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS totp,
  (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > $1) AS open_sessions
  FROM users u`

const toAdminUser = (r: AdminRow): AdminUser => ({ ...toUser(r), totpEnrolled: r.totp, openSessions: r.open_sessions })

async function loadAdminUser(q: Queryable, id: string, now: Date): Promise<AdminUser | null> {
  const r = (await q.query<AdminRow>(`${SELECT} WHERE u.id = $2`, [now, id])).rows[0]
  return r ? toAdminUser(r) : null
}

/** How many active IT administrators remain besides `exceptId`. */
async function otherActiveItAdmins(q: Queryable, exceptId: string): Promise<number> {
  return (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'it_admin' AND active AND id <> $1`, [exceptId])).rows[0]!.n
}

/**
 * Users and roles for administrators: the whole directory (externals and deactivated people
 * included), sync from DingTalk, role changes and reactivation (step-up), deactivation that
 * ends every session at once, and resetting a lost authenticator (step-up). All audited.
 */
export async function adminUserRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps

  app.get('/api/admin/users', { schema: { tags: ['admin'], querystring: AdminUserQuery, response: { 200: Page(AdminUser), ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    const { q, role, status, limit, cursor } = req.query
    const params: unknown[] = [deps.now()]
    const where: string[] = []
    const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replaceAll('?', `$${params.length}`)) }
    if (q) add(`(u.name ILIKE ? OR u.department ILIKE ? OR u.id ILIKE ?)`, `%${q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`)
    if (role) add('u.role = ?', role)
    if (status !== 'all') where.push(status === 'active' ? 'u.active' : 'NOT u.active')
    const after = readCursor(cursor, IdCursor)
    if (after !== null) add('u.id > ?', after)
    params.push(limit + 1)
    const { rows } = await db.query<AdminRow>(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.id LIMIT $${params.length}`, params)
    const items = rows.slice(0, limit).map(toAdminUser)
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null }
  })

  app.post('/api/admin/directory/sync', { schema: { tags: ['admin'], response: { 200: DirectorySyncResult, ...errors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    let dir
    try {
      dir = await readDirectory(deps.dingtalk)
    } catch (e) {
      if (e instanceof DingTalkApiError) throw new HttpError('upstream_unavailable', 'DingTalk did not give the whole directory; nothing was changed. Try again in a moment')
      throw e
    }
    // An empty directory means a misconfigured app, not a firm with no people: never deactivate everyone.
    if (!dir.people.length) throw new HttpError('conflict', 'DingTalk returned no people; nothing was changed. Check the app\'s directory permission')
    return db.tx((q) => applyDirectory(q, a.user.org_id, dir, { id: a.user.id, name: a.user.name, requestId: req.id }, deps.now()))
  })

  app.put('/api/admin/users/:id/role', { schema: { tags: ['admin'], params: IdParams, body: RoleChange, response: { 200: AdminUser, ...errors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const target = await findUser(db, req.params.id)
    if (!target || target.org_id !== a.user.org_id) throw notFound('No such user')
    await requireStepUp(req, { action: 'user.role_change', targetType: 'user', targetId: target.id })
    if (!isInternalRole(target.role)) throw new HttpError('conflict', 'Outside parties keep their role; invite them again with another one')
    if (target.id === a.user.id) throw new HttpError('conflict', 'You cannot change your own role; ask another administrator')
    if (target.role === req.body.role) return (await loadAdminUser(db, target.id, deps.now()))!
    if (target.role === 'it_admin' && (await otherActiveItAdmins(db, target.id)) === 0) throw new HttpError('conflict', 'This is the last IT administrator; give the role to someone else first')
    await db.tx(async (q) => {
      await q.query('UPDATE users SET role = $2, updated_at = $3 WHERE id = $1', [target.id, req.body.role, deps.now()])
      // The apps cache the signed-in user; ending the sessions makes every device pick up the new role.
      const ended = await revokeUserSessions(q, target.id)
      await auditFor(req, q, { action: 'user.role_changed', targetType: 'user', targetId: target.id, detail: { from: target.role, to: req.body.role, sessionsEnded: ended } })
    })
    return (await loadAdminUser(db, target.id, deps.now()))!
  })

  app.post('/api/admin/users/:id/deactivate', { schema: { tags: ['admin'], params: IdParams, response: { 200: DeactivationResult, ...errors } } }, async (req) => {
    // Deactivation removes access, so it is not held back by a step-up: it must be fast in an incident.
    const a = requireRole(req, ADMIN_ROLES)
    const target = await findUser(db, req.params.id)
    if (!target || target.org_id !== a.user.org_id) throw notFound('No such user')
    if (target.id === a.user.id) throw new HttpError('conflict', 'You cannot deactivate yourself')
    if (target.role === 'it_admin' && target.active && (await otherActiveItAdmins(db, target.id)) === 0) throw new HttpError('conflict', 'This is the last IT administrator')
    const ended = await db.tx(async (q) => {
      await q.query('UPDATE users SET active = false, updated_at = $2 WHERE id = $1', [target.id, deps.now()])
      const n = await revokeUserSessions(q, target.id)
      await q.query('DELETE FROM session_step_ups WHERE user_id = $1', [target.id])
      await auditFor(req, q, { action: 'user.deactivated', targetType: 'user', targetId: target.id, detail: { reason: 'administrator', sessionsEnded: n } })
      return n
    })
    return { user: (await loadAdminUser(db, target.id, deps.now()))!, sessionsEnded: ended }
  })

  app.post('/api/admin/users/:id/reactivate', { schema: { tags: ['admin'], params: IdParams, response: { 200: AdminUser, ...errors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const target = await findUser(db, req.params.id)
    if (!target || target.org_id !== a.user.org_id) throw notFound('No such user')
    await requireStepUp(req, { action: 'user.reactivate', targetType: 'user', targetId: target.id })
    await db.tx(async (q) => {
      await q.query('UPDATE users SET active = true, updated_at = $2 WHERE id = $1', [target.id, deps.now()])
      await auditFor(req, q, { action: 'user.reactivated', targetType: 'user', targetId: target.id })
    })
    return (await loadAdminUser(db, target.id, deps.now()))!
  })

  app.post('/api/admin/users/:id/second-factor/reset', { schema: { tags: ['admin'], params: IdParams, response: { 200: AdminUser, ...errors } } }, async (req) => {
    const a = requireRole(req, ADMIN_ROLES)
    const target = await findUser(db, req.params.id)
    if (!target || target.org_id !== a.user.org_id) throw notFound('No such user')
    await requireStepUp(req, { action: 'user.second_factor_reset', targetType: 'user', targetId: target.id })
    await db.tx(async (q) => {
      const removed = await removeSecondFactor(q, target.id)
      await auditFor(req, q, { action: 'user.second_factor_reset', targetType: 'user', targetId: target.id, detail: { removed } })
      if (removed) await notify(q, { userIds: [target.id], kind: 'security.second_factor', ...SECOND_FACTOR_REMOVED })
    })
    return (await loadAdminUser(db, target.id, deps.now()))!
  })

  // A set-up code lets a person enrol an authenticator without DingTalk (an outside expert, a lost
  // phone after a reset). It goes to them by a channel IT trusts, never by this app.
  app.post('/api/admin/users/:id/enrolment-code', { schema: { tags: ['admin'], params: IdParams, response: { 201: EnrolmentCode, ...errors } } }, async (req, reply) => {
    const a = requireRole(req, ['it_admin'])
    const target = await findUser(db, req.params.id)
    if (!target || target.org_id !== a.user.org_id) throw notFound('No such user')
    if (!target.active) throw new HttpError('conflict', 'This account is deactivated; reactivate it first')
    await requireStepUp(req, { action: 'user.enrolment_code_issue', targetType: 'user', targetId: target.id })
    const issued = await db.tx(async (q) => {
      const c = await issueEnrolmentCode(q, deps.secret, target.id, a.user.id, deps.now())
      await auditFor(req, q, { action: 'user.enrolment_code_issued', targetType: 'user', targetId: target.id, detail: { enrolmentCodeId: c.id, expiresAt: c.expiresAt.toISOString() } })
      await notify(q, {
        userIds: [target.id], kind: 'security.second_factor',
        title: '資訊科技部已發出設定碼 IT issued you a set-up code',
        body: `${a.user.name} 為你的帳戶發出了一次性設定碼：請在「系統管理」應用的「我的雙重驗證」輸入，以設定驗證器。如果你沒有要求，請立即聯絡資訊科技部。 ${a.user.name} issued a one-time set-up code for your account: enter it under "My two-step confirmation" in the Administration app to set up your authenticator. If you did not ask for it, contact IT at once.`,
      })
      return c
    })
    return reply.code(201).send({ code: issued.code, expiresAt: issued.expiresAt.toISOString() })
  })
}
