import type { Locale, Role, User } from '@suite/domain'
import type { Queryable } from '../db/db'

/** A `users` row as stored. */
export interface UserRow {
  id: string; org_id: string; name: string; role: Role; title: string | null; department: string | null
  avatar_url: string | null; dingtalk_user_id: string | null; dingtalk_union_id: string | null
  active: boolean; locale: Locale; created_at: Date
}

/** Map a row to the wire shape. */
export function toUser(r: UserRow): User {
  return {
    id: r.id as User['id'], orgId: r.org_id as User['orgId'], name: r.name, role: r.role, title: r.title,
    department: r.department, avatarUrl: r.avatar_url, dingtalkUserId: r.dingtalk_user_id,
    dingtalkUnionId: r.dingtalk_union_id, active: r.active, locale: r.locale, createdAt: new Date(r.created_at).toISOString(),
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
