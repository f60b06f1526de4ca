import type { MemberStatus, Role } from '@suite/domain'
import type { Queryable } from '../db/db'
import type { UserRow } from '../users/repo'

/** A device re-entry credential with its member's name. */
export interface CredentialRow {
  id: string
  family_id: string
  case_id: string
  user_id: string
  user_name: string
  expires_at: Date
  used_at: Date | null
  revoked_at: Date | null
}

/** A partner's one-time sign-in link with its member's name. */
export interface LinkRow {
  id: string
  case_id: string
  user_id: string
  user_name: string
  link_expires_at: Date
  used_at: Date | null
  revoked_at: Date | null
  created_by: string
}

/** A membership as re-entry reads it: the stored status, the person and the case's switch. */
export interface MembershipRow {
  status: MemberStatus
  expires_at: Date | null
  role: Role
  active: boolean
  restricted_to_internal: boolean
  number: string
}

/** The org a session belongs to. */
export interface OrgRow {
  id: string
  corp_id: string
  name: string
}

/**
 * `case_reentry_credentials` and `case_sign_in_links`: the ways back in for external members,
 * each stored by its token's hash only.
 */
export const reentryRepo = {
  /** One membership with what decides whether it counts now, or null. */
  async membership(q: Queryable, caseId: string, userId: string): Promise<MembershipRow | null> {
    return (
      (
        await q.query<MembershipRow>(
          `SELECT m.status, m.expires_at, u.role, u.active, c.restricted_to_internal, c.number
       FROM case_members m JOIN users u ON u.id = m.user_id JOIN cases c ON c.id = m.case_id WHERE m.case_id = $1 AND m.user_id = $2`,
          [caseId, userId],
        )
      ).rows[0] ?? null
    )
  },

  /** The user and org a new session of `userId` is opened for. */
  async sessionOwner(q: Queryable, userId: string): Promise<{ user: UserRow; org: OrgRow }> {
    const user = (await q.query<UserRow>('SELECT * FROM users WHERE id = $1', [userId])).rows[0]!
    const org = (await q.query<OrgRow>('SELECT id, corp_id, name FROM orgs WHERE id = $1', [user.org_id])).rows[0]!
    return { user, org }
  },

  async insertCredential(
    q: Queryable,
    c: {
      id: string
      familyId: string
      caseId: string
      userId: string
      tokenHash: string
      via: string
      now: Date
      expiresAt: Date
      userAgent: string | null
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO case_reentry_credentials (id, family_id, case_id, user_id, token_hash, issued_via, created_at, expires_at, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [c.id, c.familyId, c.caseId, c.userId, c.tokenHash, c.via, c.now, c.expiresAt, c.userAgent],
    )
  },

  /** The credential of a token, locked until the transaction ends (one use per token), or null. */
  async lockCredential(q: Queryable, tokenHash: string): Promise<CredentialRow | null> {
    return (
      (
        await q.query<CredentialRow>(
          `SELECT r.id, r.family_id, r.case_id, r.user_id, u.name AS user_name, r.expires_at, r.used_at, r.revoked_at
       FROM case_reentry_credentials r JOIN users u ON u.id = r.user_id WHERE r.token_hash = $1 FOR UPDATE OF r`,
          [tokenHash],
        )
      ).rows[0] ?? null
    )
  },

  /** The credential of a token unless it was revoked, or null. */
  async unrevokedCredential(
    q: Queryable,
    tokenHash: string,
  ): Promise<Pick<CredentialRow, 'id' | 'family_id' | 'case_id' | 'user_id' | 'user_name'> | null> {
    return (
      (
        await q.query<CredentialRow>(
          `SELECT r.id, r.family_id, r.case_id, r.user_id, u.name AS user_name FROM case_reentry_credentials r JOIN users u ON u.id = r.user_id
       WHERE r.token_hash = $1 AND r.revoked_at IS NULL`,
          [tokenHash],
        )
      ).rows[0] ?? null
    )
  },

  async markCredentialUsed(q: Queryable, id: string, now: Date): Promise<void> {
    await q.query('UPDATE case_reentry_credentials SET used_at = $2 WHERE id = $1', [id, now])
  },

  /** End the live credential of one family; how many ended. */
  async revokeFamily(q: Queryable, familyId: string, reason: string, now: Date): Promise<number> {
    const r = await q.query(
      'UPDATE case_reentry_credentials SET revoked_at = $2, revoked_reason = $3 WHERE family_id = $1 AND revoked_at IS NULL AND used_at IS NULL',
      [familyId, now, reason],
    )
    return r.rowCount
  },

  /** End every live credential and every unused sign-in link of a membership; how many of each. */
  async revokeMember(
    q: Queryable,
    caseId: string,
    userId: string,
    reason: string,
    now: Date,
  ): Promise<{ credentials: number; links: number }> {
    const c = await q.query(
      `UPDATE case_reentry_credentials SET revoked_at = $3, revoked_reason = $4
       WHERE case_id = $1 AND user_id = $2 AND revoked_at IS NULL AND used_at IS NULL AND expires_at > $3`,
      [caseId, userId, now, reason],
    )
    const l = await q.query(
      `UPDATE case_sign_in_links SET revoked_at = $3
       WHERE case_id = $1 AND user_id = $2 AND revoked_at IS NULL AND used_at IS NULL AND link_expires_at > $3`,
      [caseId, userId, now],
    )
    return { credentials: c.rowCount, links: l.rowCount }
  },

  /** End the member's unused sign-in links (a new one replaces them); how many ended. */
  async replaceLinks(q: Queryable, caseId: string, userId: string, now: Date): Promise<number> {
    const r = await q.query(
      'UPDATE case_sign_in_links SET revoked_at = $3 WHERE case_id = $1 AND user_id = $2 AND used_at IS NULL AND revoked_at IS NULL',
      [caseId, userId, now],
    )
    return r.rowCount
  },

  async insertLink(
    q: Queryable,
    l: {
      id: string
      caseId: string
      userId: string
      tokenHash: string
      linkExpiresAt: Date
      createdBy: string
      now: Date
    },
  ): Promise<void> {
    await q.query(
      'INSERT INTO case_sign_in_links (id, case_id, user_id, token_hash, link_expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [l.id, l.caseId, l.userId, l.tokenHash, l.linkExpiresAt, l.createdBy, l.now],
    )
  },

  /** The sign-in link of a token, locked until the transaction ends (one use per link), or null. */
  async lockLink(q: Queryable, tokenHash: string): Promise<LinkRow | null> {
    return (
      (
        await q.query<LinkRow>(
          `SELECT l.id, l.case_id, l.user_id, u.name AS user_name, l.link_expires_at, l.used_at, l.revoked_at, l.created_by
       FROM case_sign_in_links l JOIN users u ON u.id = l.user_id WHERE l.token_hash = $1 FOR UPDATE OF l`,
          [tokenHash],
        )
      ).rows[0] ?? null
    )
  },

  async markLinkUsed(q: Queryable, id: string, now: Date): Promise<void> {
    await q.query('UPDATE case_sign_in_links SET used_at = $2 WHERE id = $1', [id, now])
  },
}
