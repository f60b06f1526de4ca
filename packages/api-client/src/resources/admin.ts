import { z } from 'zod'
import {
  AdminUser, AuditCheckpoint, AuditPurgeResult, AuditRetention, DeactivationResult, DirectorySyncResult, EnrolmentCode, Page, RecoveryCodes, StepUpStatus,
  TotpConfirmed, TotpEnrolment, type AdminUserQuery, type AuditRetentionUpdate, type InternalRole, type StepUpRequest,
} from '@suite/domain'
import type { Http, RequestOptions } from '../http'

const AdminUserPage = Page(AdminUser)
const Checkpoints = z.object({ items: z.array(AuditCheckpoint) })
const enc = encodeURIComponent

/**
 * Administration: step-up confirmation (for everyone), and for it_admin / compliance_officer the
 * users and roles screens and the audit retention and purge. Privileged calls answer 403
 * `step_up_required` until `stepUp.confirm` succeeded within the last five minutes.
 */
export function adminResource(http: Http) {
  return {
    stepUp: {
      /** The caller's second factors and whether this session is elevated. */
      status: (opts?: RequestOptions): Promise<StepUpStatus> => http.request(StepUpStatus, { url: '/step-up' }, opts),
      /** Confirm with a TOTP code, a recovery code or a fresh DingTalk auth code; elevates the session. */
      confirm: (body: StepUpRequest, opts?: RequestOptions): Promise<StepUpStatus> =>
        http.request(StepUpStatus, { method: 'POST', url: '/step-up', data: body }, opts),
      /** End this session's elevation now. */
      drop: (opts?: RequestOptions): Promise<StepUpStatus> => http.request(StepUpStatus, { method: 'DELETE', url: '/step-up' }, opts),
      /**
       * Start enrolling an authenticator: the secret and otpauth:// URI to show as a QR code. Needs
       * a step-up first (`step_up_required`), or the one-time set-up code IT issued to this person.
       */
      enrolTotp: (enrolmentCode?: string, opts?: RequestOptions): Promise<TotpEnrolment> =>
        http.request(TotpEnrolment, { method: 'POST', url: '/step-up/totp/enrol', ...(enrolmentCode ? { data: { enrolmentCode } } : {}) }, opts),
      /** Finish enrolling with the first code; answers the ten recovery codes (shown once). */
      confirmTotp: (code: string, opts?: RequestOptions): Promise<TotpConfirmed> =>
        http.request(TotpConfirmed, { method: 'POST', url: '/step-up/totp/confirm', data: { code } }, opts),
      /** Replace the recovery codes (needs a step-up). */
      newRecoveryCodes: (opts?: RequestOptions): Promise<RecoveryCodes> =>
        http.request(RecoveryCodes, { method: 'POST', url: '/step-up/recovery-codes' }, opts),
    },
    users: {
      /** One page of everyone, externals and deactivated people included. */
      list: (query: Partial<AdminUserQuery> = {}, opts?: RequestOptions): Promise<Page<AdminUser>> =>
        http.request(AdminUserPage, { url: '/admin/users', params: query }, opts),
      /** Read the DingTalk directory and apply it. */
      syncDirectory: (opts?: RequestOptions): Promise<DirectorySyncResult> =>
        http.request(DirectorySyncResult, { method: 'POST', url: '/admin/directory/sync' }, opts),
      /** Give a firm member another role (step-up). */
      setRole: (id: string, role: InternalRole, opts?: RequestOptions): Promise<AdminUser> =>
        http.request(AdminUser, { method: 'PUT', url: `/admin/users/${enc(id)}/role`, data: { role } }, opts),
      /** Deactivate and end every session at once. */
      deactivate: (id: string, opts?: RequestOptions): Promise<DeactivationResult> =>
        http.request(DeactivationResult, { method: 'POST', url: `/admin/users/${enc(id)}/deactivate` }, opts),
      /** Let a deactivated person in again (step-up). */
      reactivate: (id: string, opts?: RequestOptions): Promise<AdminUser> =>
        http.request(AdminUser, { method: 'POST', url: `/admin/users/${enc(id)}/reactivate` }, opts),
      /** A one-time set-up code for a person's authenticator, shown once (IT administrators, step-up). */
      issueEnrolmentCode: (id: string, opts?: RequestOptions): Promise<EnrolmentCode> =>
        http.request(EnrolmentCode, { method: 'POST', url: `/admin/users/${enc(id)}/enrolment-code` }, opts),
      /** Remove a person's authenticator and recovery codes, e.g. a lost phone (step-up). */
      resetSecondFactor: (id: string, opts?: RequestOptions): Promise<AdminUser> =>
        http.request(AdminUser, { method: 'POST', url: `/admin/users/${enc(id)}/second-factor/reset` }, opts),
    },
    audit: {
      /** Retention setting and what a purge would remove now. */
      retention: (opts?: RequestOptions): Promise<AuditRetention> => http.request(AuditRetention, { url: '/audit/retention' }, opts),
      /** Change the retention, never below 90 days (step-up). */
      setRetention: (body: AuditRetentionUpdate, opts?: RequestOptions): Promise<AuditRetention> =>
        http.request(AuditRetention, { method: 'PUT', url: '/audit/retention', data: body }, opts),
      /** Remove entries older than the retention, leaving a signed checkpoint (step-up). */
      purge: (opts?: RequestOptions): Promise<AuditPurgeResult> =>
        http.request(AuditPurgeResult, { method: 'POST', url: '/audit/purge', data: {} }, opts),
      /** Checkpoints left by purges, newest first. */
      checkpoints: async (opts?: RequestOptions): Promise<AuditCheckpoint[]> =>
        (await http.request(Checkpoints, { url: '/audit/checkpoints' }, opts)).items,
    },
  }
}

/** The `admin` resource of an `ApiClient`. */
export type AdminResource = ReturnType<typeof adminResource>
