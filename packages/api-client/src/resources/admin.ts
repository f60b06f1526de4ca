import {
  adminApi,
  auditApi,
  stepUpApi,
  type AdminUser,
  type AdminUserQuery,
  type AuditCheckpoint,
  type AuditPurgeResult,
  type AuditRetention,
  type AuditRetentionUpdate,
  type DeactivationResult,
  type DirectorySyncResult,
  type EnrolmentCode,
  type InternalRole,
  type Page,
  type RecoveryCodes,
  type StepUpRequest,
  type StepUpStatus,
  type TotpConfirmed,
  type TotpEnrolment,
} from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/**
 * Administration: step-up confirmation (for everyone), and for it_admin / compliance_officer the
 * users and roles screens and the audit retention and purge. Privileged calls answer 403
 * `step_up_required` until `stepUp.confirm` succeeded within the last five minutes.
 */
export function adminResource(http: Http) {
  const person = (id: string) => ({ params: { id } })
  return {
    stepUp: {
      /** The caller's second factors and whether this session is elevated. */
      status: (opts?: RequestOptions): Promise<StepUpStatus> => http.call(stepUpApi.status, {}, opts),
      /** Confirm with a TOTP code, a recovery code or a fresh DingTalk auth code; elevates the session. */
      confirm: (body: StepUpRequest, opts?: RequestOptions): Promise<StepUpStatus> =>
        http.call(stepUpApi.confirm, { body }, opts),
      /** End this session's elevation now. */
      drop: (opts?: RequestOptions): Promise<StepUpStatus> => http.call(stepUpApi.drop, {}, opts),
      /**
       * Start enrolling an authenticator: the secret and otpauth:// URI to show as a QR code. Needs
       * a step-up first (`step_up_required`), or the one-time set-up code IT issued to this person.
       */
      enrolTotp: (enrolmentCode?: string, opts?: RequestOptions): Promise<TotpEnrolment> =>
        http.call(stepUpApi.enrolTotp, { body: enrolmentCode ? { enrolmentCode } : undefined }, opts),
      /** Finish enrolling with the first code; answers the ten recovery codes (shown once). */
      confirmTotp: (code: string, opts?: RequestOptions): Promise<TotpConfirmed> =>
        http.call(stepUpApi.confirmTotp, { body: { code } }, opts),
      /** Replace the recovery codes (needs a step-up). */
      newRecoveryCodes: (opts?: RequestOptions): Promise<RecoveryCodes> =>
        http.call(stepUpApi.newRecoveryCodes, {}, opts),
    },
    users: {
      /** One page of everyone, externals and deactivated people included. */
      list: (query: Partial<AdminUserQuery> = {}, opts?: RequestOptions): Promise<Page<AdminUser>> =>
        http.call(adminApi.listUsers, { query }, opts),
      /** Read the DingTalk directory and apply it. */
      syncDirectory: (opts?: RequestOptions): Promise<DirectorySyncResult> =>
        http.call(adminApi.syncDirectory, {}, opts),
      /** Give a firm member another role (step-up). */
      setRole: (id: string, role: InternalRole, opts?: RequestOptions): Promise<AdminUser> =>
        http.call(adminApi.setRole, { ...person(id), body: { role } }, opts),
      /** Deactivate and end every session at once. */
      deactivate: (id: string, opts?: RequestOptions): Promise<DeactivationResult> =>
        http.call(adminApi.deactivate, person(id), opts),
      /** Let a deactivated person in again (step-up). */
      reactivate: (id: string, opts?: RequestOptions): Promise<AdminUser> =>
        http.call(adminApi.reactivate, person(id), opts),
      /** A one-time set-up code for a person's authenticator, shown once (IT administrators, step-up). */
      issueEnrolmentCode: (id: string, opts?: RequestOptions): Promise<EnrolmentCode> =>
        http.call(adminApi.issueEnrolmentCode, person(id), opts),
      /** Remove a person's authenticator and recovery codes, e.g. a lost phone (step-up). */
      resetSecondFactor: (id: string, opts?: RequestOptions): Promise<AdminUser> =>
        http.call(adminApi.resetSecondFactor, person(id), opts),
    },
    audit: {
      /** Retention setting and what a purge would remove now. */
      retention: (opts?: RequestOptions): Promise<AuditRetention> => http.call(auditApi.retention, {}, opts),
      /** Change the retention, never below 90 days (step-up). */
      setRetention: (body: AuditRetentionUpdate, opts?: RequestOptions): Promise<AuditRetention> =>
        http.call(auditApi.setRetention, { body }, opts),
      /** Remove entries older than the retention, leaving a signed checkpoint (step-up). */
      purge: (opts?: RequestOptions): Promise<AuditPurgeResult> => http.call(auditApi.purge, { body: {} }, opts),
      /** Checkpoints left by purges, newest first. */
      checkpoints: async (opts?: RequestOptions): Promise<AuditCheckpoint[]> =>
        (await http.call(auditApi.checkpoints, {}, opts)).items,
    },
  }
}

/** The `admin` resource of an `ApiClient`. */
export type AdminResource = ReturnType<typeof adminResource>
