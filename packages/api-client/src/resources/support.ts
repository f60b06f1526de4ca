import { z } from 'zod'
import {
  AttachmentUploaded, CheckAnswer, CheckListsSnapshot, Dashboard, Drill, DrillList, KnownScam, KnownScamImportResult, OfficialChannel,
  Page, PublishResult, ReportFormVersion, SupportReport, TriageActionResult, TriageList,
  type CheckRequest, type DashboardQuery, type DrillInput, type KnownScamImport, type MyReportsQuery, type OfficialChannelInput,
  type ReportSubmission, type TriageAction, type TriageQuery,
} from '@suite/domain'
import { NoContent, type Http, type RequestOptions } from '../http'

const ReportPage = Page(SupportReport)
const Channels = z.object({ items: z.array(OfficialChannel) })
const KnownScams = z.object({ items: z.array(KnownScam) })

/** `/support`: fake-support reports, the check, triage, the registry, known scams, drills. */
export function supportResource(http: Http) {
  return {
    /** Published official channels and known scams, for checking contacts on the device (offline too). */
    checkLists: (opts?: RequestOptions) => http.request(CheckListsSnapshot, { url: '/support/check-lists' }, opts),
    /** The server's check of one contact (same rules as the device, current lists). */
    check: (body: CheckRequest, opts?: RequestOptions) => http.request(CheckAnswer, { method: 'POST', url: '/support/check', data: body }, opts),
    /**
     * The running report form (base fields + the administrators' fields): the published low-code
     * document `form/support-report`, which administrators change in the admin app.
     */
    form: (opts?: RequestOptions) => http.request(ReportFormVersion, { url: '/support/form' }, opts),
    /** Upload one screenshot (its raw bytes); its SHA-256 is its id. Safe to repeat. */
    uploadAttachment: (file: Blob, opts?: RequestOptions) =>
      http.request(AttachmentUploaded, { method: 'POST', url: '/support/attachments', data: file, headers: { 'content-type': file.type || 'application/octet-stream' } }, opts),
    /**
     * Send a report under its `Idempotency-Key`. The server keeps one report per key, so the
     * same call may be repeated until it is acknowledged.
     */
    submitReport: (idempotencyKey: string, body: ReportSubmission, opts?: RequestOptions) =>
      http.request(SupportReport, { method: 'POST', url: '/support/reports', data: body, headers: { 'Idempotency-Key': idempotencyKey } }, opts),
    /** The caller's own reports with their state, newest first. */
    myReports: (query: MyReportsQuery = {}, opts?: RequestOptions) => http.request(ReportPage, { url: '/support/reports/mine', params: query }, opts),
    report: (id: string, opts?: RequestOptions) => http.request(SupportReport, { url: `/support/reports/${encodeURIComponent(id)}` }, opts),
    /** URL of a report's screenshot (the session cookie goes along with an `<img>`). */
    attachmentUrl: (reportId: string, sha256: string) => http.uri(`/support/reports/${encodeURIComponent(reportId)}/attachments/${sha256}`),

    /** The triage queue grouped by contact (it_admin). */
    triage: (query: TriageQuery = {}, opts?: RequestOptions) => http.request(TriageList, { url: '/support/triage', params: query }, opts),
    triageAction: (body: TriageAction, opts?: RequestOptions) => http.request(TriageActionResult, { method: 'POST', url: '/support/triage/actions', data: body }, opts),
    /** URL of the CSV export of the queue. */
    triageExportUrl: (query: TriageQuery = {}) => http.uri('/support/triage/export', query),

    channels: (opts?: RequestOptions) => http.request(Channels, { url: '/support/channels' }, opts),
    createChannel: (body: OfficialChannelInput, opts?: RequestOptions) => http.request(OfficialChannel, { method: 'POST', url: '/support/channels', data: body }, opts),
    updateChannel: (id: string, body: Partial<OfficialChannelInput>, opts?: RequestOptions) =>
      http.request(OfficialChannel, { method: 'PATCH', url: `/support/channels/${encodeURIComponent(id)}`, data: body }, opts),
    deleteChannel: (id: string, opts?: RequestOptions) => http.request(NoContent, { method: 'DELETE', url: `/support/channels/${encodeURIComponent(id)}` }, opts),
    /** Publish drafts and retirements; all staff get a work notification. */
    publishChannels: (opts?: RequestOptions) => http.request(PublishResult, { method: 'POST', url: '/support/channels/publish' }, opts),

    knownScams: (q?: string, opts?: RequestOptions) => http.request(KnownScams, { url: '/support/known-scams', params: q ? { q } : {} }, opts),
    importKnownScams: (body: KnownScamImport, opts?: RequestOptions) => http.request(KnownScamImportResult, { method: 'POST', url: '/support/known-scams/import', data: body }, opts),
    deleteKnownScam: (id: string, opts?: RequestOptions) => http.request(NoContent, { method: 'DELETE', url: `/support/known-scams/${encodeURIComponent(id)}` }, opts),

    drills: (opts?: RequestOptions) => http.request(DrillList, { url: '/support/drills' }, opts),
    createDrill: (body: DrillInput, opts?: RequestOptions) => http.request(Drill, { method: 'POST', url: '/support/drills', data: body }, opts),
    cancelDrill: (id: string, opts?: RequestOptions) => http.request(Drill, { method: 'POST', url: `/support/drills/${encodeURIComponent(id)}/cancel` }, opts),
    dashboard: (query: DashboardQuery = {}, opts?: RequestOptions) => http.request(Dashboard, { url: '/support/dashboard', params: query }, opts),
  }
}

/** The `support` resource of an `ApiClient`. */
export type SupportResource = ReturnType<typeof supportResource>
