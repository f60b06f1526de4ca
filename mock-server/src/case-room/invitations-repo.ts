import type { AccessExpiry, ExternalRole, ExternalTier, Invitation } from '@suite/domain'
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

/** An invitation found by its token, with what accepting it depends on: the case's state and the milestone's. */
export interface InvitationToAccept extends Omit<InvitationRow, 'creator_name'> {
  restricted_to_internal: boolean
  status: string
  org_id: string
  number: string
  reached_at: Date | null
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
      contact: string | null
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
         link_expires_at, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
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

  /** The invitation of a token, locked until the transaction ends (one accept per link), or null. */
  async lockByToken(q: Queryable, tokenHash: string): Promise<InvitationToAccept | null> {
    return (
      (
        await q.query<InvitationToAccept>(
          `SELECT ${COLS}, c.restricted_to_internal, c.status, c.org_id, c.number, e.reached_at FROM case_invitations i
       JOIN cases c ON c.id = i.case_id LEFT JOIN case_events e ON e.id = i.expiry_milestone_id
       WHERE i.token_hash = $1 FOR UPDATE OF i`,
          [tokenHash],
        )
      ).rows[0] ?? null
    )
  },

  /** The person an invitation brings in: a new external user of the firm. */
  async createExternalUser(
    q: Queryable,
    u: { id: string; orgId: string; name: string; role: ExternalRole },
  ): Promise<UserRow> {
    return (
      await q.query<UserRow>(
        `INSERT INTO users (id, org_id, name, role, locale) VALUES ($1, $2, $3, $4, 'zh-HK') RETURNING *`,
        [u.id, u.orgId, u.name, u.role],
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
