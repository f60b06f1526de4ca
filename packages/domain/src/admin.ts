import { z } from 'zod'
import { IsoDateTime } from './ids'
import { PageQuery } from './pagination'
import { InternalRole, Role } from './roles'
import { User } from './user'

// ---- Step-up confirmation ----------------------------------------------------------------

/** How a step-up was confirmed: an authenticator code, a one-time recovery code, or a fresh DingTalk auth code. */
export const StepUpMethod = z.enum(['totp', 'recovery_code', 'dingtalk'])
export type StepUpMethod = z.infer<typeof StepUpMethod>

/** How long one step-up lasts, in seconds (tied to the session that made it). */
export const STEP_UP_TTL_SECONDS = 300

/** The caller's second factors and whether the current session is elevated. */
export const StepUpStatus = z.object({
  totpEnrolled: z.boolean(),
  /** A TOTP enrolment was started and not yet confirmed. */
  totpPending: z.boolean(),
  recoveryCodesLeft: z.number().int().nonnegative(),
  /** The caller can confirm with DingTalk (a firm member with a DingTalk account). */
  dingtalkAvailable: z.boolean(),
  elevatedUntil: IsoDateTime.nullable(),
  method: StepUpMethod.nullable(),
})
export type StepUpStatus = z.infer<typeof StepUpStatus>

/** What an authenticator app needs: the otpauth:// URI (shown as a QR code) and the secret for typing in. */
export const TotpEnrolment = z.object({
  secret: z.string().regex(/^[A-Z2-7]{16,64}$/),
  otpauthUri: z.string().startsWith('otpauth://totp/'),
  issuer: z.string(),
  accountName: z.string(),
  digits: z.literal(6),
  period: z.literal(30),
  algorithm: z.literal('SHA1'),
})
export type TotpEnrolment = z.infer<typeof TotpEnrolment>

/**
 * Body of `POST /api/step-up/totp/enrol`. Setting up an authenticator needs proof beyond the
 * session: an elevated session (a fresh DingTalk confirmation), or a one-time set-up code that
 * an IT administrator issued to this person.
 */
export const TotpEnrolRequest = z.object({
  enrolmentCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z2-9]{4}-?[A-Za-z2-9]{4}-?[A-Za-z2-9]{4}$/, 'a set-up code from IT, like ABCD-EFGH-JKLM')
    .optional(),
})
export type TotpEnrolRequest = z.infer<typeof TotpEnrolRequest>

/** A one-time set-up code an IT administrator hands to a person (shown once; only a hash is kept). */
export const EnrolmentCode = z.object({ code: z.string(), expiresAt: IsoDateTime })
export type EnrolmentCode = z.infer<typeof EnrolmentCode>

/** A six-digit authenticator code. */
export const TotpCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
})
export type TotpCode = z.infer<typeof TotpCode>

/** Ten one-time recovery codes, shown once; only their hashes are stored. */
export const RecoveryCodes = z.object({ codes: z.array(z.string().regex(/^[a-z2-9]{5}-[a-z2-9]{5}$/)).length(10) })
export type RecoveryCodes = z.infer<typeof RecoveryCodes>

/** Answer to a confirmed enrolment: the recovery codes, and the elevation the confirmation gave. */
export const TotpConfirmed = RecoveryCodes.extend({ status: StepUpStatus })
export type TotpConfirmed = z.infer<typeof TotpConfirmed>

/** Body of `POST /api/step-up`. */
export const StepUpRequest = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('totp'),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'six digits'),
  }),
  z.object({ method: z.literal('recovery_code'), code: z.string().trim().min(10).max(20) }),
  z.object({ method: z.literal('dingtalk'), code: z.string().min(1).max(256) }),
])
export type StepUpRequest = z.infer<typeof StepUpRequest>

// ---- Audit retention and purge -----------------------------------------------------------

/** Audit logs are never kept for less than this (DOMAIN.md: 90+ days). */
export const MIN_AUDIT_RETENTION_DAYS = 90
/** Upper bound of the setting: thirty years. */
export const MAX_AUDIT_RETENTION_DAYS = 10_950

/** Body of `PUT /api/audit/retention`. */
export const AuditRetentionUpdate = z.object({
  retentionDays: z.number().int().min(MIN_AUDIT_RETENTION_DAYS).max(MAX_AUDIT_RETENTION_DAYS),
})
export type AuditRetentionUpdate = z.infer<typeof AuditRetentionUpdate>

/** The retention setting and what a purge would remove now. */
export const AuditRetention = z.object({
  retentionDays: z.number().int().min(MIN_AUDIT_RETENTION_DAYS),
  updatedAt: IsoDateTime.nullable(),
  updatedBy: z.string().nullable(),
  /** Entries older than this instant may be purged. */
  cutoff: IsoDateTime,
  oldestEntryAt: IsoDateTime.nullable(),
  purgeableCount: z.number().int().nonnegative(),
})
export type AuditRetention = z.infer<typeof AuditRetention>

/** A signed point the chain restarts from after a purge. */
export const AuditCheckpoint = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: IsoDateTime,
  signature: z.string().regex(/^[0-9a-f]{64}$/),
  reason: z.string(),
})
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>

/** Result of a purge: how many entries went, and the checkpoint left in their place. */
export const AuditPurgeResult = z.object({
  purged: z.number().int().nonnegative(),
  checkpoint: AuditCheckpoint.nullable(),
})
export type AuditPurgeResult = z.infer<typeof AuditPurgeResult>

// ---- Users and roles ---------------------------------------------------------------------

/** A person as the administration screens see them. */
export const AdminUser = User.extend({
  totpEnrolled: z.boolean(),
  openSessions: z.number().int().nonnegative(),
})
export type AdminUser = z.infer<typeof AdminUser>

/** Filters of `GET /api/admin/users`. */
export const AdminUserQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  status: z.enum(['active', 'inactive', 'all']).default('all'),
})
export type AdminUserQuery = z.infer<typeof AdminUserQuery>

/** Body of `PUT /api/admin/users/:id/role`: only firm roles can be given here. */
export const RoleChange = z.object({ role: InternalRole })
export type RoleChange = z.infer<typeof RoleChange>

/** Answer to a deactivation: the user and how many sessions were ended at once. */
export const DeactivationResult = z.object({ user: AdminUser, sessionsEnded: z.number().int().nonnegative() })
export type DeactivationResult = z.infer<typeof DeactivationResult>

/** What a directory sync from DingTalk did. */
export const DirectorySyncResult = z.object({
  departments: z.number().int().nonnegative(),
  seen: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  deactivated: z.number().int().nonnegative(),
  sessionsEnded: z.number().int().nonnegative(),
  /** In DingTalk but deactivated here by an administrator: left as they are. */
  keptInactive: z.number().int().nonnegative(),
})
export type DirectorySyncResult = z.infer<typeof DirectorySyncResult>
