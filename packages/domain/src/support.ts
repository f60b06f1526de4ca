import { z } from 'zod'
import { IsoDate, IsoDateTime } from './ids'
import { PageQuery } from './pagination'

/*
 * Fake-support reporting: reports of suspicious "customer service" contacts, the official-channel
 * registry, the known-scam list, triage, drills and the dashboard. The report form itself is data
 * (BASE_REPORT_FORM, in the @suite/forms schema format) that administrators extend.
 */

/** Id of a report. */
export const SupportReportId = z.string().min(1).max(64).brand<'SupportReportId'>()
export type SupportReportId = z.infer<typeof SupportReportId>

/** What kind of contact detail a report is about (mirrors @suite/scam-check). */
export const IdentifierKind = z.enum(['phone', 'url', 'email', 'account', 'payment'])
export type IdentifierKind = z.infer<typeof IdentifierKind>

/** The check's verdict: `no_record` means "nothing known", never "safe". */
export const CheckVerdict = z.enum(['official', 'known_scam', 'suspicious', 'no_record'])
export type CheckVerdict = z.infer<typeof CheckVerdict>

/** A deceptive character of the checked text, by its place in the text as typed or decoded (from @suite/scam-check). */
export const CheckMark = z.object({
  line: z.enum(['typed', 'decoded']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string().max(300),
  looksLike: z.string().max(300).optional(),
  charClass: z.string().max(30),
})
export type CheckMark = z.infer<typeof CheckMark>

/**
 * One finding of the heuristics (codes from @suite/scam-check). Findings about a host also carry
 * what is true of this input: the host and registrable domain as typed, the name imitated, the
 * part that imitates it and the characters that differ.
 */
export const CheckReason = z.object({
  code: z.string().max(50),
  target: z.string().max(300).optional(),
  detail: z.string().max(500).optional(),
  host: z.string().max(500).optional(),
  domain: z.string().max(500).optional(),
  name: z.string().max(300).optional(),
  imitation: z.string().max(500).optional(),
  marks: z.array(CheckMark).max(100).optional(),
})
export type CheckReason = z.infer<typeof CheckReason>

/** Where a report stands in triage. */
export const ReportStatus = z.enum(['new', 'investigating', 'confirmed_scam', 'false_alarm', 'duplicate'])
export type ReportStatus = z.infer<typeof ReportStatus>
/** Statuses that close a report and tell the reporter. */
export const FINAL_REPORT_STATUSES: readonly ReportStatus[] = ['confirmed_scam', 'false_alarm', 'duplicate']

/** The `Idempotency-Key` header of a report submission: one key per report, reused for its retries. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, '8-128 letters, digits, - or _')

/** Body of `POST /api/support/reports`. */
export const ReportSubmission = z.object({
  /** The form version the device rendered; the server validates against that version. */
  formVersion: z.number().int().positive(),
  /** Field values by field name (base fields and administrators' extension fields). */
  values: z.record(z.string(), z.unknown()),
  /** When the reporter pressed send; a report queued offline arrives later. */
  reportedAt: IsoDateTime,
})
export type ReportSubmission = z.infer<typeof ReportSubmission>

/** A stored screenshot of a report. */
export const ReportAttachment = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().max(300),
  mime: z.string().max(100),
  size: z.number().int().nonnegative(),
})
export type ReportAttachment = z.infer<typeof ReportAttachment>

/** Answer of `POST /api/support/attachments`: the content's SHA-256 is its id. */
export const AttachmentUploaded = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mime: z.string(),
})
export type AttachmentUploaded = z.infer<typeof AttachmentUploaded>

/** What a scammer asks for that, once handed over, lets them into an account or a bank: `askedFor` values. */
export const URGENT_ASKED_FOR: readonly string[] = ['one_time_code', 'password', 'bank_details']

/**
 * Whether a report needs IT at once: the reporter says they did what was asked (`yes` or
 * `partly`) and what was asked includes a one-time code, a password or bank details. A drill's
 * lure is never urgent.
 */
export function isUrgentReport(r: {
  askedFor: readonly string[]
  complied: string
  campaignId?: string | null
}): boolean {
  if (r.campaignId) return false
  return (r.complied === 'yes' || r.complied === 'partly') && r.askedFor.some((a) => URGENT_ASKED_FOR.includes(a))
}

/** A report as its reporter and IT see it. */
export const SupportReport = z.object({
  id: SupportReportId,
  status: ReportStatus,
  identifierKind: IdentifierKind,
  identifier: z.string(),
  /** `kind:value` normalised (E.164, ASCII host...): reports about one contact share it. Null when unreadable. */
  identifierKey: z.string().nullable(),
  identifierDisplay: z.string(),
  channel: z.string(),
  claimedIdentity: z.string(),
  askedFor: z.array(z.string()),
  complied: z.string(),
  lossAmount: z.number().nullable(),
  lossCurrency: z.string().nullable(),
  occurredOn: IsoDate.nullable(),
  message: z.string(),
  details: z.string(),
  platform: z.string(),
  /** Values of administrators' extension fields. */
  extra: z.record(z.string(), z.unknown()),
  attachments: z.array(ReportAttachment),
  verdict: CheckVerdict,
  reasons: z.array(CheckReason),
  formVersion: z.number().int(),
  /** Set when the report answered a drill: it counts as reported and stays out of the queue. */
  campaignId: z.string().nullable(),
  reporterId: z.string(),
  reporterName: z.string(),
  department: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  /** What IT told the reporter with the verdict. */
  resolution: z.string().nullable(),
  /** A code, password or bank details were handed over ({@link isUrgentReport}): first in IT's queue. */
  urgent: z.boolean(),
  reportedAt: IsoDateTime,
  receivedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  decidedAt: IsoDateTime.nullable(),
})
export type SupportReport = z.infer<typeof SupportReport>

/** Query of `GET /api/support/reports/mine`. */
export const MyReportsQuery = PageQuery
export type MyReportsQuery = z.input<typeof MyReportsQuery>

/** One note of IT on a report (not shown to the reporter). */
export const ReportNote = z.object({
  id: z.number().int(),
  reportId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: IsoDateTime,
})
export type ReportNote = z.infer<typeof ReportNote>

/** A report with IT's notes, for the console. */
export const TriageReport = SupportReport.extend({ notes: z.array(ReportNote) })
export type TriageReport = z.infer<typeof TriageReport>

/** Query of `GET /api/support/triage`. */
export const TriageQuery = z.object({
  status: ReportStatus.optional(),
  assigneeId: z.string().max(64).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})
export type TriageQuery = z.input<typeof TriageQuery>

/** Reports about one normalised contact, grouped for triage. */
export const TriageGroup = z.object({
  key: z.string(),
  kind: IdentifierKind,
  display: z.string(),
  count: z.number().int(),
  latestAt: IsoDateTime,
  /** The strongest verdict among the group's reports. */
  verdict: CheckVerdict,
  knownScam: z.boolean(),
  /** One of its reports is urgent ({@link isUrgentReport}): the group is listed first. */
  urgent: z.boolean(),
  byStatus: z.record(z.string(), z.number().int()),
  reports: z.array(TriageReport),
})
export type TriageGroup = z.infer<typeof TriageGroup>
export const TriageList = z.object({ groups: z.array(TriageGroup), total: z.number().int() })
export type TriageList = z.infer<typeof TriageList>

const ReportIds = z.array(z.string().min(1).max(64)).min(1).max(500)
/** Body of `POST /api/support/triage/actions`: one action on one or many reports. */
export const TriageAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), reportIds: ReportIds, assigneeId: z.string().max(64).nullable() }),
  z.object({
    action: z.literal('set_status'),
    reportIds: ReportIds,
    status: ReportStatus,
    /** Told to the reporter with a final verdict. */
    resolution: z.string().trim().max(1000).optional(),
    duplicateOf: z.string().max(64).optional(),
  }),
  z.object({ action: z.literal('note'), reportIds: ReportIds, body: z.string().trim().min(1).max(4000) }),
])
export type TriageAction = z.infer<typeof TriageAction>
export const TriageActionResult = z.object({
  updated: z.number().int(),
  notified: z.number().int(),
  knownScamsAdded: z.number().int(),
})
export type TriageActionResult = z.infer<typeof TriageActionResult>

/** An entry of the firm's official-channel registry. */
export const ChannelStatus = z.enum(['draft', 'published', 'retired'])
export const OfficialChannel = z.object({
  id: z.string(),
  kind: IdentifierKind,
  value: z.string(),
  display: z.string(),
  label: z.string(),
  note: z.string().nullable(),
  status: ChannelStatus,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
})
export type OfficialChannel = z.infer<typeof OfficialChannel>
/** Body of creating or editing a registry entry; the server normalises `identifier`. */
export const OfficialChannelInput = z.object({
  kind: IdentifierKind,
  identifier: z.string().trim().min(1).max(500),
  label: z.string().trim().min(1).max(200),
  note: z.string().trim().max(1000).optional(),
  /** `retired` takes an entry off the registry at the next publication. */
  retire: z.boolean().optional(),
})
export type OfficialChannelInput = z.infer<typeof OfficialChannelInput>
export const PublishResult = z.object({
  published: z.number().int(),
  retired: z.number().int(),
  notified: z.number().int(),
})
export type PublishResult = z.infer<typeof PublishResult>

/** An entry of the known-scam list. */
export const KnownScam = z.object({
  id: z.string(),
  kind: IdentifierKind,
  value: z.string(),
  display: z.string(),
  source: z.enum(['confirmed_report', 'import']),
  note: z.string().nullable(),
  addedAt: IsoDateTime,
  addedByName: z.string().nullable(),
})
export type KnownScam = z.infer<typeof KnownScam>
/** Body of `POST /api/support/known-scams/import`: entries from a list (kind guessed when absent). */
export const KnownScamImport = z.object({
  entries: z
    .array(
      z.object({
        kind: IdentifierKind.optional(),
        identifier: z.string().trim().min(1).max(500),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(5000),
  source: z.string().trim().max(200).optional(),
})
export type KnownScamImport = z.infer<typeof KnownScamImport>
export const KnownScamImportResult = z.object({
  added: z.number().int(),
  alreadyListed: z.number().int(),
  invalid: z.array(z.object({ index: z.number().int(), identifier: z.string(), reason: z.string() })),
})
export type KnownScamImportResult = z.infer<typeof KnownScamImportResult>

/** What the device needs to check contacts offline: published official channels and known scams. */
export const CheckListsSnapshot = z.object({
  official: z.array(z.object({ kind: IdentifierKind, value: z.string(), label: z.string() })),
  knownScams: z.array(z.object({ kind: IdentifierKind, value: z.string() })),
  updatedAt: IsoDateTime,
})
export type CheckListsSnapshot = z.infer<typeof CheckListsSnapshot>

/** Body of `POST /api/support/check`. */
export const CheckRequest = z.object({
  identifier: z.string().trim().min(1).max(500),
  kind: IdentifierKind.optional(),
  claimedIdentity: z.string().max(50).optional(),
})
export type CheckRequest = z.infer<typeof CheckRequest>
export const CheckAnswer = z.object({
  verdict: CheckVerdict,
  kind: IdentifierKind,
  identifierKey: z.string().nullable(),
  display: z.string().nullable(),
  reasons: z.array(CheckReason),
  matchLabel: z.string().nullable(),
  scameterUrl: z.string().url(),
})
export type CheckAnswer = z.infer<typeof CheckAnswer>

/** A drill: a simulated fake-support message sent to staff, tagged with a campaign id. */
export const DrillStatus = z.enum(['scheduled', 'sent', 'cancelled'])
export const DrillInput = z.object({
  name: z.string().trim().min(1).max(200),
  lureKind: IdentifierKind,
  /** The contact the fake message gives (a number or address the firm controls or that cannot resolve). */
  lureIdentifier: z.string().trim().min(1).max(500),
  messageTitle: z.string().trim().min(1).max(100),
  messageBody: z.string().trim().min(1).max(2000),
  /** Departments to send to; all internal staff when empty. */
  departments: z.array(z.string().min(1).max(200)).max(50).default([]),
  scheduledAt: IsoDateTime,
})
export type DrillInput = z.input<typeof DrillInput>
export const Drill = z.object({
  id: z.string(),
  campaignId: z.string(),
  name: z.string(),
  lureKind: IdentifierKind,
  lureIdentifier: z.string(),
  messageTitle: z.string(),
  messageBody: z.string(),
  departments: z.array(z.string()),
  status: DrillStatus,
  scheduledAt: IsoDateTime,
  sentAt: IsoDateTime.nullable(),
  targets: z.number().int(),
  reported: z.number().int(),
  /** reported / targets, 0..1; null before the drill is sent. */
  reportRate: z.number().nullable(),
  createdByName: z.string().nullable(),
  createdAt: IsoDateTime,
})
export type Drill = z.infer<typeof Drill>
export const DrillList = z.object({ items: z.array(Drill) })

/** Query of `GET /api/support/dashboard` (Hong Kong dates, inclusive). */
export const DashboardQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() })
export type DashboardQuery = z.input<typeof DashboardQuery>
/** Report rate by department and quarter (drills), and real reports per department and quarter. */
export const Dashboard = z.object({
  quarters: z.array(z.string()),
  departments: z.array(z.string()),
  drillRates: z.array(
    z.object({
      department: z.string(),
      quarter: z.string(),
      targets: z.number().int(),
      reported: z.number().int(),
      rate: z.number(),
    }),
  ),
  realReports: z.array(
    z.object({ department: z.string(), quarter: z.string(), reports: z.number().int(), confirmed: z.number().int() }),
  ),
})
export type Dashboard = z.infer<typeof Dashboard>

/**
 * The report form as served: a published version of the low-code document `form/support-report`
 * (the base fields of `BASE_REPORT_FORM`, then the administrators' extension fields).
 */
export const ReportFormVersion = z.object({
  version: z.number().int().positive(),
  /** A form in the @suite/forms schema format; parse it with `FormSchema` there. */
  schema: z.record(z.string(), z.unknown()),
  publishedAt: IsoDateTime,
})
export type ReportFormVersion = z.infer<typeof ReportFormVersion>
