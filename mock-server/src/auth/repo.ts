import type { AuthConfig } from '@suite/domain'
import type { Queryable } from '../db/db'

/** An `orgs` row as the sign-in needs it. */
export interface OrgRow {
  id: string
  corp_id: string
  name: string
}

/** Reads of sign-in and step-up: the organisation, the dev picker's people, recent failed confirmations. */
export const authRepo = {
  /** One organisation by id. */
  async org(q: Queryable, id: string): Promise<OrgRow | null> {
    return (await q.query<OrgRow>('SELECT id, corp_id, name FROM orgs WHERE id = $1', [id])).rows[0] ?? null
  },

  /** The organisation a DingTalk corp id belongs to. */
  async orgByCorpId(q: Queryable, corpId: string): Promise<OrgRow | null> {
    return (await q.query<OrgRow>('SELECT id, corp_id, name FROM orgs WHERE corp_id = $1', [corpId])).rows[0] ?? null
  },

  /** Everyone active the dev picker offers: the firm first, then outside parties, each by name. */
  async devUsers(q: Queryable): Promise<AuthConfig['devUsers']> {
    return (
      await q.query<AuthConfig['devUsers'][number]>(
        `SELECT id, name, role, title FROM users WHERE active ORDER BY CASE WHEN role IN ('client','external_expert') THEN 1 ELSE 0 END, name`,
      )
    ).rows
  },

  /** How many step-up confirmations of `userId` failed after `since` (the audit chain is the record). */
  async stepUpFailuresSince(q: Queryable, userId: string, since: Date): Promise<number> {
    return (
      await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND action = 'step_up.failed' AND at > $2`,
        [userId, since],
      )
    ).rows[0]!.n
  },
}
