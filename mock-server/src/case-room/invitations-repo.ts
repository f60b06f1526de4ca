import type { AccessExpiry, ExternalRole, ExternalTier, Invitation, InvitationCodeSent, Locale } from '@suite/domain'
import type { Queryable } from '../db/db'
import type { UserRow } from '../users/repo'

/** A `case_invitations` row with its creator's name. */
export interface InvitationRow {
  id: string
  case_id: string
  name: string
  role: ExternalRole
  tier_ceiling: ExternalTier
  access_expires_on: string | null
  expiry_milestone_id: string | null
  link_expires_at: Date
  created_by: string
  creator_name: string
  created_at: Date
  accepted_at: Date | null
  revoked_at: Date | null
}

/**
 * An invitation found by its token, with what accepting it depends on (the case's state and the
 * milestone's) and what the invitee is shown and sent (firm, inviter, matter, contact, language).
 */
export interface InvitationToAccept extends InvitationRow {
  contact: string | null
  locale: Locale
  directory_user_id: string | null
  restricted_to_internal: boolean
  status: string
  org_id: string
  firm_name: string
  number: string
  title: string
  reached_at: Date | null
}

/** The current one-time code of an invitation. */
export interface InvitationCodeRow {
  id: string
  code_hash: string
  channel: InvitationCodeSent['channel']
  expires_at: Date
  attempts: number
  used_at: Date | null
}

/** A person of the firm's DingTalk directory an invitation can be sent to. */
export interface DirectoryPerson {
  id: string
  name: string
  locale: Locale
}

const COLS = `i.id, i.case_id, i.name, i.role, i.tier_ceiling, i.access_expires_on::text AS access_expires_on, i.expiry_milestone_id,
  i.link_expires_at, i.created_by, i.created_at, i.accepted_at, i.revoked_at`
const SELECT = `SELECT ${COLS}, u.name AS creator_name FROM case_invitations i JOIN users u ON u.id = i.created_by`

/** Map a row to the wire shape, with its status at `now`. */
export function toInvitation(r: InvitationRow, now: Date): Invitation {
  const accessExpiry: AccessExpiry = r.access_expires_on
    ? { kind: 'date', date: r.access_expires_on }
    : { kind: 'milestone', milestoneId: r.expiry_milestone_id as never }
  const status = r.revoked_at
    ? 'revoked'
    : r.accepted_at
      ? 'accepted'
      : new Date(r.link_expires_at) <= now
        ? 'expired'
        : 'pending'
  return {
    id: r.id as Invitation['id'],
    caseId: r.case_id as Invitation['caseId'],
    name: r.name,
    role: r.role,
    tierCeiling: r.tier_ceiling,
    accessExpiry,
    linkExpiresAt: new Date(r.link_expires_at).toISOString(),
    createdBy: r.creator_name,
    createdAt: new Date(r.created_at).toISOString(),
    status,
  }
}

/** The `case_invitations` table: one-time links for externals, stored by the token's hash only. */
export const invitationsRepo = {
  /** A new invitation of a case; its row with the creator's name. */
  async create(
    q: Queryable,
    i: {
      id: string
      caseId: string
      tokenHash: string
      name: string
      contact: string
      locale: Locale
      directoryUserId: string | null
      role: ExternalRole
      tierCeiling: ExternalTier
      accessExpiry: AccessExpiry
      linkExpiresAt: Date
      createdBy: string
      now: Date
    },
  ): Promise<InvitationRow> {
    const x = i.accessExpiry
    await q.query(
      `INSERT INTO case_invitations (id, case_id, token_hash, name, contact, role, tier_ceiling, access_expires_on, expiry_milestone_id,
         link_expires_at, created_by, created_at, locale, directory_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        i.id,
        i.caseId,
        i.tokenHash,
        i.name,
        i.contact,
        i.role,
        i.tierCeiling,
        x.kind === 'date' ? x.date : null,
        x.kind === 'milestone' ? x.milestoneId : null,
        i.linkExpiresAt,
        i.createdBy,
        i.now,
        i.locale,
        i.directoryUserId,
      ],
    )
    return (await q.query<InvitationRow>(`${SELECT} WHERE i.id = $1`, [i.id])).rows[0]!
  },

  /** The newest 200 invitations of a case. */
  async list(q: Queryable, caseId: string): Promise<InvitationRow[]> {
    return (
      await q.query<InvitationRow>(`${SELECT} WHERE i.case_id = $1 ORDER BY i.created_at DESC LIMIT 200`, [caseId])
    ).rows
  },

  async find(q: Queryable, caseId: string, id: string): Promise<InvitationRow | null> {
    return (await q.query<InvitationRow>(`${SELECT} WHERE i.id = $1 AND i.case_id = $2`, [id, caseId])).rows[0] ?? null
  },

  async revoke(q: Queryable, id: string, now: Date): Promise<void> {
    await q.query('UPDATE case_invitations SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, now])
  },

  /**
   * The invitation of a token with its case, firm and inviter, or null. `lock` holds it until the
   * transaction ends (one accept, one code at a time per link).
   */
  async byToken(q: Queryable, tokenHash: string, lock: boolean): Promise<InvitationToAccept | null> {
    return (
      (
        await q.query<InvitationToAccept>(
          `SELECT ${COLS}, i.contact, i.locale, i.directory_user_id, u.name AS creator_name, c.restricted_to_internal,
             c.status, c.org_id, o.name AS firm_name, c.number, c.title, e.reached_at
           FROM case_invitations i JOIN cases c ON c.id = i.case_id JOIN orgs o ON o.id = c.org_id
           JOIN users u ON u.id = i.created_by LEFT JOIN case_events e ON e.id = i.expiry_milestone_id
           WHERE i.token_hash = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
          [tokenHash],
        )
      ).rows[0] ?? null
    )
  },

  /** A directory person of the org (an active user with a DingTalk account), or null. */
  async directoryPerson(q: Queryable, orgId: string, userId: string): Promise<DirectoryPerson | null> {
    return (
      (
        await q.query<DirectoryPerson>(
          `SELECT id, name, locale FROM users
           WHERE id = $1 AND org_id = $2 AND active AND dingtalk_user_id IS NOT NULL`,
          [userId, orgId],
        )
      ).rows[0] ?? null
    )
  },

  /** The firm's name (the org of a case). */
  async firmName(q: Queryable, caseId: string): Promise<string> {
    return (
      await q.query<{ name: string }>('SELECT o.name FROM cases c JOIN orgs o ON o.id = c.org_id WHERE c.id = $1', [
        caseId,
      ])
    ).rows[0]!.name
  },

  /** How many codes an invitation has been sent. */
  async codesSent(q: Queryable, invitationId: string): Promise<number> {
    return Number(
      (
        await q.query<{ n: string }>('SELECT count(*) AS n FROM case_invitation_codes WHERE invitation_id = $1', [
          invitationId,
        ])
      ).rows[0]!.n,
    )
  },

  /** A new code for an invitation; any earlier one stops working. */
  async newCode(
    q: Queryable,
    c: {
      id: string
      invitationId: string
      codeHash: string
      channel: InvitationCodeRow['channel']
      expiresAt: Date
      now: Date
    },
  ): Promise<void> {
    await q.query(
      'UPDATE case_invitation_codes SET replaced_at = $2 WHERE invitation_id = $1 AND used_at IS NULL AND replaced_at IS NULL',
      [c.invitationId, c.now],
    )
    await q.query(
      `INSERT INTO case_invitation_codes (id, invitation_id, code_hash, channel, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [c.id, c.invitationId, c.codeHash, c.channel, c.now, c.expiresAt],
    )
  },

  /** The code that may still be tried (not replaced, not used), locked, or null. */
  async currentCode(q: Queryable, invitationId: string): Promise<InvitationCodeRow | null> {
    return (
      (
        await q.query<InvitationCodeRow>(
          `SELECT id, code_hash, channel, expires_at, attempts, used_at FROM case_invitation_codes
           WHERE invitation_id = $1 AND used_at IS NULL AND replaced_at IS NULL
           ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
          [invitationId],
        )
      ).rows[0] ?? null
    )
  },

  /** Count one more try of a code; the tries made so far. */
  async tryCode(q: Queryable, codeId: string): Promise<number> {
    return (
      await q.query<{ attempts: number }>(
        'UPDATE case_invitation_codes SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts',
        [codeId],
      )
    ).rows[0]!.attempts
  },

  async useCode(q: Queryable, codeId: string, now: Date): Promise<void> {
    await q.query('UPDATE case_invitation_codes SET used_at = $2 WHERE id = $1', [codeId, now])
  },

  /** Queue an SMS or e-mail for the firm's gateway (the outbox; see migration 014). */
  async queueExternalMessage(
    q: Queryable,
    m: {
      id: string
      channel: 'sms' | 'email'
      address: string
      locale: Locale
      kind: string
      subject: string
      body: string
      caseId: string
      now: Date
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO external_outbox (id, channel, address, locale, kind, subject, body, case_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [m.id, m.channel, m.address, m.locale, m.kind, m.subject, m.body, m.caseId, m.now],
    )
  },

  /** The person an invitation brings in: a new external user of the firm. */
  async createExternalUser(
    q: Queryable,
    u: { id: string; orgId: string; name: string; role: ExternalRole; locale: Locale },
  ): Promise<UserRow> {
    return (
      await q.query<UserRow>(
        `INSERT INTO users (id, org_id, name, role, locale) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [u.id, u.orgId, u.name, u.role, u.locale],
      )
    ).rows[0]!
  },

  async markAccepted(q: Queryable, id: string, userId: string, now: Date): Promise<void> {
    await q.query('UPDATE case_invitations SET accepted_at = $2, accepted_user_id = $3 WHERE id = $1', [
      id,
      now,
      userId,
    ])
  },
}
