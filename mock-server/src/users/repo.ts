import type { AdminUser, AdminUserQuery, InternalRole, Locale, Role, User } from '@suite/domain'
import type { Queryable } from '../db/db'

/** A `users` row as stored. */
export interface UserRow {
  id: string
  org_id: string
  name: string
  role: Role
  title: string | null
  department: string | null
  avatar_url: string | null
  dingtalk_user_id: string | null
  dingtalk_union_id: string | null
  active: boolean
  locale: Locale
  created_at: Date
}

/** Map a row to the wire shape. */
export function toUser(r: UserRow): User {
  return {
    id: r.id as User['id'],
    orgId: r.org_id as User['orgId'],
    name: r.name,
    role: r.role,
    title: r.title,
    department: r.department,
    avatarUrl: r.avatar_url,
    dingtalkUserId: r.dingtalk_user_id,
    dingtalkUnionId: r.dingtalk_union_id,
    active: r.active,
    locale: r.locale,
    createdAt: new Date(r.created_at).toISOString(),
  }
}

/** One user by id. */
export async function findUser(q: Queryable, id: string): Promise<UserRow | null> {
  return (await q.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0] ?? null
}

/** One user by DingTalk userid. */
export async function findUserByDingTalkId(q: Queryable, dingtalkUserId: string): Promise<UserRow | null> {
  return (await q.query<UserRow>('SELECT * FROM users WHERE dingtalk_user_id = $1', [dingtalkUserId])).rows[0] ?? null
}

/**
 * Create or refresh a firm member from their DingTalk directory entry. A new person starts as
 * `staff`; roles are only ever changed by an administrator, never by a sign-in.
 */
export async function upsertDingTalkUser(
  q: Queryable,
  orgId: string,
  d: { userid: string; unionid: string; name: string; title?: string | undefined; avatar?: string | undefined },
): Promise<{ row: UserRow; created: boolean }> {
  const existing = await findUserByDingTalkId(q, d.userid)
  if (existing) {
    const { rows } = await q.query<UserRow>(
      `UPDATE users SET name = $2, title = COALESCE($3, title), avatar_url = COALESCE($4, avatar_url), dingtalk_union_id = $5, updated_at = now()
       WHERE id = $1 RETURNING *`,
      [existing.id, d.name, d.title || null, d.avatar || null, d.unionid],
    )
    return { row: rows[0]!, created: false }
  }
  const { rows } = await q.query<UserRow>(
    `INSERT INTO users (id, org_id, name, role, title, avatar_url, dingtalk_user_id, dingtalk_union_id)
     VALUES ($1, $2, $3, 'staff', $4, $5, $6, $7) RETURNING *`,
    [`u-dt-${d.userid}`, orgId, d.name, d.title || null, d.avatar || null, d.userid, d.unionid],
  )
  return { row: rows[0]!, created: true }
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (x) => `\\${x}`)}%`

/** A `users` row with what the administration screens add: a confirmed authenticator, open sessions. */
export type AdminUserRow = UserRow & { totp: boolean; open_sessions: number }

/** Map an administration row to the wire shape. */
export const toAdminUser = (r: AdminUserRow): AdminUser => ({
  ...toUser(r),
  totpEnrolled: r.totp,
  openSessions: r.open_sessions,
})

/** `$1` is the time sessions are counted as open at. */
const ADMIN_SELECT = `SELECT u.*,
  EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS totp,
  (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > $1) AS open_sessions
  FROM users u`

/** The `users` table as the directory and the administration screens read and change it. */
export const usersRepo = {
  /**
   * Active firm members (no outside parties) by id after the cursor, optionally searched by name
   * or department; `take` rows, one more than the page to know whether another follows.
   */
  async listDirectory(
    q: Queryable,
    f: { q?: string | undefined; after: string | null; take: number },
  ): Promise<UserRow[]> {
    const params: unknown[] = []
    const where = [`role NOT IN ('client','external_expert')`, 'active']
    if (f.q) {
      params.push(likePattern(f.q))
      where.push(`(name ILIKE $${params.length} OR department ILIKE $${params.length})`)
    }
    if (f.after !== null) {
      params.push(f.after)
      where.push(`id > $${params.length}`)
    }
    params.push(f.take)
    return (
      await q.query<UserRow>(
        `SELECT * FROM users WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`,
        params,
      )
    ).rows
  },

  /** Everyone, externals and deactivated people included, by id after the cursor, filtered as the administrator asked. */
  async listForAdmin(
    q: Queryable,
    f: Pick<AdminUserQuery, 'q' | 'role' | 'status'> & { now: Date; after: string | null; take: number },
  ): Promise<AdminUserRow[]> {
    const params: unknown[] = [f.now]
    const where: string[] = []
    const add = (sql: string, v: unknown) => {
      params.push(v)
      where.push(sql.replaceAll('?', `$${params.length}`))
    }
    if (f.q) add(`(u.name ILIKE ? OR u.department ILIKE ? OR u.id ILIKE ?)`, likePattern(f.q))
    if (f.role) add('u.role = ?', f.role)
    if (f.status !== 'all') where.push(f.status === 'active' ? 'u.active' : 'NOT u.active')
    if (f.after !== null) add('u.id > ?', f.after)
    params.push(f.take)
    const { rows } = await q.query<AdminUserRow>(
      `${ADMIN_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.id LIMIT $${params.length}`,
      params,
    )
    return rows
  },

  /** One person as the administration screens see them. */
  async findForAdmin(q: Queryable, id: string, now: Date): Promise<AdminUser | null> {
    const r = (await q.query<AdminUserRow>(`${ADMIN_SELECT} WHERE u.id = $2`, [now, id])).rows[0]
    return r ? toAdminUser(r) : null
  },

  /** How many active IT administrators remain besides `exceptId`. */
  async otherActiveItAdmins(q: Queryable, exceptId: string): Promise<number> {
    return (
      await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM users WHERE role = 'it_admin' AND active AND id <> $1`,
        [exceptId],
      )
    ).rows[0]!.n
  },

  async setRole(q: Queryable, id: string, role: InternalRole, now: Date): Promise<void> {
    await q.query('UPDATE users SET role = $2, updated_at = $3 WHERE id = $1', [id, role, now])
  },

  async setActive(q: Queryable, id: string, active: boolean, now: Date): Promise<void> {
    await q.query('UPDATE users SET active = $2, updated_at = $3 WHERE id = $1', [id, active, now])
  },
}
