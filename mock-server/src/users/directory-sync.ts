import type { DirectorySyncResult } from '@suite/domain'
import type { Queryable } from '../db/db'
import type { DingTalkClient, DingTalkUser } from '../dingtalk/client'
import { appendAudit } from '../audit/log'
import { revokeUserSessions } from '../auth/sessions'
import { upsertDingTalkUser, type UserRow } from './repo'

/** One person of the DingTalk directory with the name of their (first non-root) department. */
export interface DirectoryPerson {
  user: DingTalkUser
  department: string | null
}

/**
 * Read the whole DingTalk directory: every department (breadth first from the root) and its
 * users. Any DingTalk failure throws before anything is written, so a half-read directory never
 * deactivates people.
 */
export async function readDirectory(
  dingtalk: DingTalkClient,
  maxDepartments = 2000,
): Promise<{ departments: number; people: DirectoryPerson[] }> {
  const names = new Map<number, string>()
  const queue = [1]
  const seenDepts = new Set<number>([1])
  while (queue.length && seenDepts.size <= maxDepartments) {
    const id = queue.shift()!
    for (const d of await dingtalk.listDepartments(id)) {
      if (seenDepts.has(d.dept_id)) continue
      seenDepts.add(d.dept_id)
      names.set(d.dept_id, d.name)
      queue.push(d.dept_id)
    }
  }
  const people = new Map<string, DirectoryPerson>()
  for (const deptId of seenDepts) {
    for (const u of await dingtalk.listDepartmentUsers(deptId)) {
      const prev = people.get(u.userid)
      const department = deptId === 1 ? null : (names.get(deptId) ?? null)
      if (!prev) people.set(u.userid, { user: u, department })
      else if (!prev.department && department) prev.department = department
    }
  }
  return { departments: seenDepts.size, people: [...people.values()] }
}

/**
 * Apply a directory read to the users table in the caller's transaction: new people arrive as
 * `staff`, names / titles / departments are refreshed, and firm members who left DingTalk (or
 * whom DingTalk marks inactive) are deactivated with their sessions ended at once. People an
 * administrator deactivated stay deactivated. Externals (no DingTalk id) are not touched.
 */
export async function applyDirectory(
  q: Queryable,
  orgId: string,
  dir: { departments: number; people: DirectoryPerson[] },
  actor: { id: string | null; name: string | null; requestId?: string | null },
  now: Date,
): Promise<DirectorySyncResult> {
  const result: DirectorySyncResult = {
    departments: dir.departments,
    seen: dir.people.length,
    created: 0,
    updated: 0,
    deactivated: 0,
    sessionsEnded: 0,
    keptInactive: 0,
  }
  const audit = (action: string, targetId: string, detail: Record<string, unknown>) =>
    appendAudit(
      q,
      {
        actorId: actor.id,
        actorName: actor.name,
        requestId: actor.requestId ?? null,
        action,
        targetType: 'user',
        targetId,
        detail,
      },
      now,
    )
  const deactivate = async (row: UserRow, reason: string) => {
    await q.query('UPDATE users SET active = false, updated_at = $2 WHERE id = $1', [row.id, now])
    const ended = await revokeUserSessions(q, row.id)
    await q.query('DELETE FROM session_step_ups WHERE user_id = $1', [row.id])
    result.deactivated++
    result.sessionsEnded += ended
    await audit('user.deactivated', row.id, { reason, sessionsEnded: ended, via: 'directory_sync' })
  }
  const inDirectory = new Set<string>()
  for (const { user, department } of dir.people) {
    inDirectory.add(user.userid)
    const before = (await q.query<UserRow>('SELECT * FROM users WHERE dingtalk_user_id = $1', [user.userid])).rows[0]
    const { row, created } = await upsertDingTalkUser(q, orgId, {
      userid: user.userid,
      unionid: user.unionid,
      name: user.name,
      title: user.title,
      avatar: user.avatar,
    })
    if (department !== null && row.department !== department)
      await q.query('UPDATE users SET department = $2 WHERE id = $1', [row.id, department])
    if (created) {
      result.created++
      await audit('user.created', row.id, { via: 'directory_sync', dingtalkUserId: user.userid, role: row.role })
    } else if (
      before &&
      (before.name !== row.name ||
        (before.title ?? null) !== (row.title ?? null) ||
        (department !== null && before.department !== department))
    ) {
      result.updated++
    }
    if (user.active === false && row.active) await deactivate(row, 'inactive_in_dingtalk')
    else if (!row.active) result.keptInactive++
  }
  const { rows: gone } = await q.query<UserRow>(
    'SELECT * FROM users WHERE org_id = $1 AND active AND dingtalk_user_id IS NOT NULL',
    [orgId],
  )
  for (const row of gone) if (!inDirectory.has(row.dingtalk_user_id!)) await deactivate(row, 'left_directory')
  await appendAudit(
    q,
    {
      actorId: actor.id,
      actorName: actor.name,
      requestId: actor.requestId ?? null,
      action: 'directory.sync',
      targetType: 'org',
      targetId: orgId,
      detail: { ...result },
    },
    now,
  )
  return result
}
