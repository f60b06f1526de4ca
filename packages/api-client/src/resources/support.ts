import {
  supportApi,
  type CheckRequest,
  type DashboardQuery,
  type DrillInput,
  type KnownScamImport,
  type MyReportsQuery,
  type OfficialChannelInput,
  type ReportSubmission,
  type TriageAction,
  type TriageQuery,
} from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/** Fake-support reports, the check, triage, the registry, known scams, drills. */
export function supportResource(http: Http) {
  return {
    /** Published official channels and known scams, for checking contacts on the device (offline too). */
    checkLists: (opts?: RequestOptions) => http.call(supportApi.checkLists, {}, opts),
    /** The server's check of one contact (same rules as the device, current lists). */
    check: (body: CheckRequest, opts?: RequestOptions) => http.call(supportApi.check, { body }, opts),
    /**
     * The running report form (base fields + the administrators' fields): the published low-code
     * document `form/support-report`, which administrators change in the admin app.
     */
    form: (opts?: RequestOptions) => http.call(supportApi.form, {}, opts),
    /** Upload one screenshot (its raw bytes); its SHA-256 is its id. Safe to repeat. */
    uploadAttachment: (file: Blob, opts?: RequestOptions) =>
      http.call(supportApi.uploadAttachment, { body: file }, opts),
    /**
     * Send a report under its `Idempotency-Key`. The server keeps one report per key, so the
     * same call may be repeated until it is acknowledged.
     */
    submitReport: (idempotencyKey: string, body: ReportSubmission, opts?: RequestOptions) =>
      http.call(supportApi.submitReport, { body, config: { headers: { 'Idempotency-Key': idempotencyKey } } }, opts),
    /** The caller's own reports with their state, newest first. */
    myReports: (query: MyReportsQuery = {}, opts?: RequestOptions) => http.call(supportApi.myReports, { query }, opts),
    report: (id: string, opts?: RequestOptions) => http.call(supportApi.report, { params: { id } }, opts),
    /** URL of a report's screenshot (the session cookie goes along with an `<img>`). */
    attachmentUrl: (reportId: string, sha256: string) =>
      http.href(supportApi.attachment, { params: { id: reportId, sha: sha256 } }),

    /** The triage queue grouped by contact (it_admin). */
    triage: (query: TriageQuery = {}, opts?: RequestOptions) => http.call(supportApi.triage, { query }, opts),
    triageAction: (body: TriageAction, opts?: RequestOptions) => http.call(supportApi.triageAction, { body }, opts),
    /** URL of the CSV export of the queue. */
    triageExportUrl: (query: TriageQuery = {}) => http.href(supportApi.triageExport, { query }),

    channels: (opts?: RequestOptions) => http.call(supportApi.channels, {}, opts),
    createChannel: (body: OfficialChannelInput, opts?: RequestOptions) =>
      http.call(supportApi.createChannel, { body }, opts),
    updateChannel: (id: string, body: Partial<OfficialChannelInput>, opts?: RequestOptions) =>
      http.call(supportApi.updateChannel, { params: { id }, body }, opts),
    deleteChannel: (id: string, opts?: RequestOptions) => http.call(supportApi.deleteChannel, { params: { id } }, opts),
    /** Publish drafts and retirements; all staff get a work notification. */
    publishChannels: (opts?: RequestOptions) => http.call(supportApi.publishChannels, {}, opts),

    knownScams: (q?: string, opts?: RequestOptions) =>
      http.call(supportApi.knownScams, { query: q ? { q } : {} }, opts),
    importKnownScams: (body: KnownScamImport, opts?: RequestOptions) =>
      http.call(supportApi.importKnownScams, { body }, opts),
    deleteKnownScam: (id: string, opts?: RequestOptions) =>
      http.call(supportApi.deleteKnownScam, { params: { id } }, opts),

    drills: (opts?: RequestOptions) => http.call(supportApi.drills, {}, opts),
    createDrill: (body: DrillInput, opts?: RequestOptions) => http.call(supportApi.createDrill, { body }, opts),
    cancelDrill: (id: string, opts?: RequestOptions) => http.call(supportApi.cancelDrill, { params: { id } }, opts),
    dashboard: (query: DashboardQuery = {}, opts?: RequestOptions) => http.call(supportApi.dashboard, { query }, opts),
  }
}

/** The `support` resource of an `ApiClient`. */
export type SupportResource = ReturnType<typeof supportResource>
