import { DEMO_CASES, DEMO_ORG, DEMO_USERS } from '@suite/domain/testing'
import type { Db } from './db/db'
import { appendAudit } from './audit/log'
import type { SimUser } from './simulator/state'

const DAY = 86_400_000

/** True when the database holds no organisation yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orgs')).rows[0]!.n === 0
}

/**
 * Load the demo firm: people of every role, three cases with a wall, externals with expiries
 * (one already lapsed). One transaction, one audit entry.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  await db.tx(async (q) => {
    await q.query('INSERT INTO orgs (id, corp_id, name) VALUES ($1, $2, $3)', [
      DEMO_ORG.id,
      DEMO_ORG.corpId,
      DEMO_ORG.name,
    ])
    for (const u of DEMO_USERS) {
      await q.query(
        `INSERT INTO users (id, org_id, name, role, title, department, dingtalk_user_id, dingtalk_union_id, locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [u.id, DEMO_ORG.id, u.name, u.role, u.title, u.department, u.dingtalkUserId, u.dingtalkUnionId, u.locale],
      )
    }
    for (const [i, c] of DEMO_CASES.entries()) {
      const at = new Date(now.getTime() - (i + 1) * 3 * DAY)
      await q.query(
        'INSERT INTO cases (id, org_id, number, title, client_name, status, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)',
        [c.id, DEMO_ORG.id, c.number, c.title, c.clientName, c.status, c.members[0]!.userId, at],
      )
      for (const m of c.members) {
        await q.query(
          'INSERT INTO case_members (case_id, user_id, status, tier_ceiling, expires_at, wall_reason, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [
            c.id,
            m.userId,
            m.status,
            m.tierCeiling,
            m.expiresInDays === undefined ? null : new Date(now.getTime() + m.expiresInDays * DAY),
            m.wallReason ?? null,
            c.members[0]!.userId,
          ],
        )
      }
    }
    await appendAudit(
      q,
      {
        actorId: null,
        actorName: 'system',
        action: 'seed.demo',
        targetType: 'org',
        targetId: DEMO_ORG.id,
        detail: { users: DEMO_USERS.length, cases: DEMO_CASES.length },
      },
      now,
    )
  })
}

/** The simulated DingTalk directory: the demo firm's internal people. */
export function demoSimUsers(): SimUser[] {
  return DEMO_USERS.filter((u) => u.dingtalkUserId).map((u, i) => ({
    userid: u.dingtalkUserId!,
    unionid: u.dingtalkUnionId!,
    name: u.name,
    title: u.title ?? '',
    avatar: '',
    dept_id_list: [1, 100 + (i % 3)],
    admin: u.role === 'it_admin',
    active: true,
  }))
}

/** Departments of the simulated directory. */
export const DEMO_DEPARTMENTS: Record<number, string> = {
  1: DEMO_ORG.name,
  100: 'Litigation 訴訟部',
  101: 'Corporate 企業部',
  102: 'Operations 營運部',
}
