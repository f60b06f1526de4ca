import { z } from 'zod'
import { defineEndpoint } from '../endpoint'
import { Page } from '../pagination'
import {
  AttachmentUploaded,
  CheckAnswer,
  CheckListsSnapshot,
  CheckRequest,
  Dashboard,
  DashboardQuery,
  Drill,
  DrillInput,
  DrillList,
  KnownScam,
  KnownScamImport,
  KnownScamImportResult,
  MyReportsQuery,
  OfficialChannel,
  OfficialChannelInput,
  PublishResult,
  ReportFormVersion,
  ReportSubmission,
  SupportReport,
  TriageAction,
  TriageActionResult,
  TriageList,
  TriageQuery,
} from '../support'

/** Path parameters of one report, registry entry, known scam or drill. */
export const SupportIdParams = z.object({ id: z.string().min(1).max(64) })

/** Path parameters of one screenshot of a report: its SHA-256. */
export const ReportAttachmentParams = z.object({
  id: z.string().min(1).max(64),
  sha: z.string().regex(/^[0-9a-f]{64}$/),
})

/** Path parameters of one published version of the report form. */
export const ReportFormVersionParams = z.object({ version: z.coerce.number().int().positive() })

/** Query of the known-scam list: a search over value, display and note. */
export const KnownScamQuery = z.object({ q: z.string().trim().max(200).optional() })
export type KnownScamQuery = z.input<typeof KnownScamQuery>

/** The official-channel registry as the caller may see it. */
export const OfficialChannelList = z.object({ items: z.array(OfficialChannel) })
export type OfficialChannelList = z.infer<typeof OfficialChannelList>

/** The known-scam list (IT and compliance). */
export const KnownScamList = z.object({ items: z.array(KnownScam) })
export type KnownScamList = z.infer<typeof KnownScamList>

const tags = ['support']

/**
 * Suspicious-contact reports: the check, screenshots, reports sent once per `Idempotency-Key`,
 * IT's triage console and its CSV export, the official-channel registry, the known-scam list,
 * drills and their dashboard, and the report form.
 */
export const supportApi = {
  /** Published official channels and known scams, for checking contacts on the device (offline too). */
  checkLists: defineEndpoint({ method: 'GET', path: '/support/check-lists', tags, response: CheckListsSnapshot }),
  /** The server's check of one contact (same rules as the device, current lists). */
  check: defineEndpoint({ method: 'POST', path: '/support/check', tags, body: CheckRequest, response: CheckAnswer }),
  /**
   * Upload one screenshot as the raw body with its `image/*` content type (at most 5 MB); its
   * SHA-256 is its id. Safe to repeat.
   */
  uploadAttachment: defineEndpoint({
    method: 'POST',
    path: '/support/attachments',
    tags,
    request: 'bytes',
    status: 201,
    response: AttachmentUploaded,
  }),
  /**
   * Send a report under its `Idempotency-Key` header: 201 with the new report, or 200 with the
   * report already stored under that key (header `idempotent-replayed: true`).
   */
  submitReport: defineEndpoint({
    method: 'POST',
    path: '/support/reports',
    tags,
    body: ReportSubmission,
    status: 201,
    response: SupportReport,
    // The handler checks the key itself, to answer with its own field error; the schema documents it.
    headers: z.looseObject({ 'idempotency-key': z.string().optional() }),
    // The same key again answers 200 with the report the first request made.
    alsoAnswers: { 200: SupportReport },
  }),
  /** The caller's own reports with their state, newest first. */
  myReports: defineEndpoint({
    method: 'GET',
    path: '/support/reports/mine',
    tags,
    query: MyReportsQuery,
    response: Page(SupportReport),
  }),
  /** One report: the reporter's own, or any for IT and compliance (404 otherwise). */
  report: defineEndpoint({
    method: 'GET',
    path: '/support/reports/:id',
    tags,
    params: SupportIdParams,
    response: SupportReport,
  }),
  /** A report's screenshot, as its stored image type. */
  attachment: defineEndpoint({
    method: 'GET',
    path: '/support/reports/:id/attachments/:sha',
    tags,
    params: ReportAttachmentParams,
    responseKind: 'bytes',
  }),

  /** The triage queue grouped by contact (IT). */
  triage: defineEndpoint({ method: 'GET', path: '/support/triage', tags, query: TriageQuery, response: TriageList }),
  /** Assign, note or decide one or many reports; a final verdict is told to each reporter. */
  triageAction: defineEndpoint({
    method: 'POST',
    path: '/support/triage/actions',
    tags,
    body: TriageAction,
    response: TriageActionResult,
  }),
  /** The queue as CSV, safe to open in a spreadsheet. */
  triageExport: defineEndpoint({
    method: 'GET',
    path: '/support/triage/export',
    tags,
    query: TriageQuery,
    responseKind: 'text',
    contentType: 'text/csv',
  }),

  /** The registry: published entries for staff, every entry not retired for IT. */
  channels: defineEndpoint({ method: 'GET', path: '/support/channels', tags, response: OfficialChannelList }),
  /** A draft registry entry (IT); staff see it once published. */
  createChannel: defineEndpoint({
    method: 'POST',
    path: '/support/channels',
    tags,
    body: OfficialChannelInput,
    status: 201,
    response: OfficialChannel,
  }),
  /** Change a registry entry; a changed contact is a draft again. */
  updateChannel: defineEndpoint({
    method: 'PATCH',
    path: '/support/channels/:id',
    tags,
    params: SupportIdParams,
    body: OfficialChannelInput.partial(),
    response: OfficialChannel,
  }),
  /** Delete a draft, or retire a published entry at the next publication. */
  deleteChannel: defineEndpoint({ method: 'DELETE', path: '/support/channels/:id', tags, params: SupportIdParams }),
  /** Publish drafts and retirements; all staff get a work notification. */
  publishChannels: defineEndpoint({ method: 'POST', path: '/support/channels/publish', tags, response: PublishResult }),

  /** The known-scam list, newest first (IT and compliance). */
  knownScams: defineEndpoint({
    method: 'GET',
    path: '/support/known-scams',
    tags,
    query: KnownScamQuery,
    response: KnownScamList,
  }),
  /** Add entries from a list, skipping those already listed and naming the invalid ones. */
  importKnownScams: defineEndpoint({
    method: 'POST',
    path: '/support/known-scams/import',
    tags,
    body: KnownScamImport,
    response: KnownScamImportResult,
  }),
  deleteKnownScam: defineEndpoint({
    method: 'DELETE',
    path: '/support/known-scams/:id',
    tags,
    params: SupportIdParams,
  }),

  /** Drills, newest first (compliance and IT). */
  drills: defineEndpoint({ method: 'GET', path: '/support/drills', tags, response: DrillList }),
  /** Schedule a drill (compliance); its lure may not be an official channel. */
  createDrill: defineEndpoint({
    method: 'POST',
    path: '/support/drills',
    tags,
    body: DrillInput,
    status: 201,
    response: Drill,
  }),
  /** Cancel a drill that has not been sent. */
  cancelDrill: defineEndpoint({
    method: 'POST',
    path: '/support/drills/:id/cancel',
    tags,
    params: SupportIdParams,
    response: Drill,
  }),
  /** Drill report rates and real reports by department and quarter. */
  dashboard: defineEndpoint({
    method: 'GET',
    path: '/support/dashboard',
    tags,
    query: DashboardQuery,
    response: Dashboard,
  }),

  /**
   * The running report form (base fields + the administrators' fields): the published low-code
   * document `form/support-report`.
   */
  form: defineEndpoint({ method: 'GET', path: '/support/form', tags, response: ReportFormVersion }),
  /** One published version of the report form (a report filled in offline is checked against it). */
  formVersion: defineEndpoint({
    method: 'GET',
    path: '/support/form/:version',
    tags,
    params: ReportFormVersionParams,
    response: ReportFormVersion,
  }),
}
