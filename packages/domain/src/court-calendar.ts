import { z } from 'zod'
import { csvDocument } from './csv'
import { CaseId, IsoDate, IsoDateTime, UserId } from './ids'

/*
 * Court calendar: hearings, trigger events and deadlines of cases, the Hong Kong deadline
 * calculator's working, DingTalk calendar sync state, imports with a preview, holidays and
 * declared warning days, rule templates. The calculator itself is @suite/court-rules; these are
 * its wire shapes.
 */

/** Id of a hearing. */
export const HearingId = z.string().min(1).max(64).brand<'HearingId'>()
export type HearingId = z.infer<typeof HearingId>
/** Id of a deadline. */
export const DeadlineId = z.string().min(1).max(64).brand<'DeadlineId'>()
export type DeadlineId = z.infer<typeof DeadlineId>
/** Id of a trigger event (an event a deadline runs from, e.g. "writ served"). */
export const TriggerId = z.string().min(1).max(64).brand<'TriggerId'>()
export type TriggerId = z.infer<typeof TriggerId>

/** A text in each of the suite's languages. */
export const LocalizedName = z.object({
  'zh-HK': z.string().trim().min(1).max(200),
  'zh-CN': z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
})
export type LocalizedName = z.infer<typeof LocalizedName>

// ---- the calculator ----------------------------------------------------------------------

/** Why a day is left out (the "specified days" of RHC O.3 r.2(5), or closed by direction). */
export const ClosureReason = z.enum([
  'saturday',
  'sunday',
  'general_holiday',
  'gale_warning',
  'black_rainstorm',
  'office_closed',
])
export type ClosureReason = z.infer<typeof ClosureReason>
/** Which rule left it out: the short-period rule, O.3 r.4 (forward), or a "before" period's move back. */
export const ExclusionRule = z.enum(['O.3 r.2(5)', 'O.3 r.4', 'closed-before'])
export type ExclusionRule = z.infer<typeof ExclusionRule>

/** One excluded day of a computation. */
export const DeadlineExclusion = z.object({
  date: IsoDate,
  reason: ClosureReason,
  name: z.string().optional(),
  nameZh: z.string().optional(),
  rule: ExclusionRule,
})
export type DeadlineExclusion = z.infer<typeof DeadlineExclusion>

/** A computed deadline with its working. */
export const DeadlineWorking = z.object({
  deadline: IsoDate,
  counted: z.array(IsoDate),
  excluded: z.array(DeadlineExclusion),
  /** The day before any closed-day move. */
  unadjusted: IsoDate,
  shortPeriodRule: z.boolean(),
  warnings: z.array(z.object({ code: z.literal('no_holiday_data'), year: z.number().int() })),
})
export type DeadlineWorking = z.infer<typeof DeadlineWorking>

export const PeriodUnit = z.enum(['days', 'weeks', 'months'])
export type PeriodUnit = z.infer<typeof PeriodUnit>
export const PeriodDirection = z.enum(['after', 'before'])
export type PeriodDirection = z.infer<typeof PeriodDirection>

const periodFields = {
  period: z.number().int().min(1).max(3660),
  unit: PeriodUnit.default('days'),
  direction: PeriodDirection,
  /** RHC O.3 r.2(4) clear days. */
  clear: z.boolean().default(false),
  /** The rule says "ignoring O.3 r.2(5)". */
  ignoreShortPeriodRule: z.boolean().default(false),
  /** The rule counts the anchor day itself (e.g. O.12 r.4). */
  includeAnchorDay: z.boolean().default(false),
  /** `roll`: O.3 r.4 applies; `none`: a deemed date that never moves. */
  closedDayRule: z.enum(['roll', 'none']).default('roll'),
}

type PeriodShape = {
  period: number
  unit: PeriodUnit
  direction: PeriodDirection
  clear: boolean
  includeAnchorDay: boolean
}
function checkPeriod(r: PeriodShape, ctx: z.RefinementCtx): void {
  if (r.unit === 'months' && r.period > 120)
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'at most 120 months' })
  if (r.unit === 'weeks' && r.period > 522)
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'at most 522 weeks' })
  if (r.clear && r.unit === 'months')
    ctx.addIssue({ code: 'custom', path: ['clear'], message: 'clear days cannot be combined with months' })
  if (r.includeAnchorDay && (r.direction === 'before' || r.clear || r.unit === 'months')) {
    ctx.addIssue({
      code: 'custom',
      path: ['includeAnchorDay'],
      message: 'only an "after" period of days, not clear, can count the anchor day',
    })
  }
}

/** A period as a rule states it (what the calculator needs). */
export const PeriodRule = z.object(periodFields).superRefine(checkPeriod)
export type PeriodRule = z.infer<typeof PeriodRule>

/** Events a deadline can run from. */
export const AnchorEvent = z.enum([
  'hearing',
  'writ_served',
  'writ_posted',
  'ack_service_time_expired',
  'defence_served',
  'judgment',
  'master_decision',
  'order',
  'other',
])
export type AnchorEvent = z.infer<typeof AnchorEvent>

/** Body of `POST /court-calendar/calculate`: a period from a date, or a template from a date. */
export const CalculateRequest = z.union([
  z.object({ from: IsoDate, templateId: z.string().min(1).max(80) }),
  z.object({ from: IsoDate, ...periodFields }).superRefine(checkPeriod),
])
export type CalculateRequest = z.input<typeof CalculateRequest>

/** Answer of the calculator. */
export const CalculateResult = DeadlineWorking.extend({
  from: IsoDate,
  rule: z.object(periodFields),
  templateId: z.string().nullable(),
  citation: z.string().nullable(),
})
export type CalculateResult = z.infer<typeof CalculateResult>

// ---- rule templates ----------------------------------------------------------------------

/** Template ids are kebab-case; a template is the low-code document `court_rule_template/<id>`. */
export const RuleTemplateKey = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'lower-case letters, digits and dashes')

/**
 * A rule template as listed: the running version of its low-code document. `source` says
 * whether it is a bundled template as shipped, a bundled one an administrator changed, or the
 * firm's own.
 */
export const RuleTemplate = z.object({
  ...periodFields,
  id: RuleTemplateKey,
  name: LocalizedName,
  anchorEvent: AnchorEvent,
  citation: z.string(),
  notes: z.object({ 'zh-HK': z.string(), 'zh-CN': z.string(), en: z.string() }).optional(),
  version: z.number().int().nonnegative(),
  source: z.enum(['bundled', 'custom', 'edited']),
  archived: z.boolean(),
  updatedAt: IsoDateTime.nullable(),
  updatedBy: z.string().nullable(),
})
export type RuleTemplate = z.infer<typeof RuleTemplate>

/**
 * Body of a rule template's low-code document (`court_rule_template/<template id>`): the
 * editable part, and `archived: true` to take the template out of the lists (deadlines already
 * computed from it keep their copy of the rule).
 */
export const RuleTemplateDocument = z
  .object({
    ...periodFields,
    name: LocalizedName,
    anchorEvent: AnchorEvent,
    citation: z.string().trim().min(1).max(200),
    notes: z
      .object({ 'zh-HK': z.string().max(1000), 'zh-CN': z.string().max(1000), en: z.string().max(1000) })
      .optional(),
    archived: z.boolean().optional(),
  })
  .superRefine(checkPeriod)
export type RuleTemplateDocument = z.infer<typeof RuleTemplateDocument>
export type RuleTemplateDocumentInput = z.input<typeof RuleTemplateDocument>

// ---- DingTalk calendar sync ----------------------------------------------------------------

/** Where one lawyer's DingTalk event stands. `skipped`: the lawyer has no DingTalk account. */
export const SyncState = z.enum(['pending', 'synced', 'error', 'deleted', 'skipped'])
export type SyncState = z.infer<typeof SyncState>

/** Sync state of one item for one lawyer. */
export const EventSync = z.object({
  userId: UserId,
  state: SyncState,
  syncedAt: IsoDateTime.nullable(),
  lastError: z.string().nullable(),
})
export type EventSync = z.infer<typeof EventSync>

/** The month's DingTalk calls and the queue's state. */
export const SyncOverview = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  callsUsed: z.number().int().nonnegative(),
  monthlyBudget: z.number().int().nonnegative(),
  counts: z.record(SyncState, z.number().int().nonnegative()),
  queuedJobs: z.number().int().nonnegative(),
})
export type SyncOverview = z.infer<typeof SyncOverview>

// ---- hearings, triggers, deadlines ---------------------------------------------------------

export const HearingType = z.enum([
  'trial',
  'interlocutory',
  'case_management',
  'pre_trial_review',
  'mention',
  'chambers',
  'appeal',
  'judgment',
  'other',
])
export type HearingType = z.infer<typeof HearingType>
export const HearingSource = z.enum(['manual', 'ical', 'csv', 'cause_list'])
export type HearingSource = z.infer<typeof HearingSource>

/** A hearing: times are sent with the Hong Kong offset (`+08:00`). */
export const Hearing = z.object({
  id: HearingId,
  caseId: CaseId,
  /** The firm's matter number. */
  caseNumber: z.string(),
  caseTitle: z.string(),
  /** The court's action number, e.g. `HCA 1234/2026` (a matter may have several). */
  courtCaseNumber: z.string(),
  court: z.string(),
  judge: z.string().nullable(),
  courtroom: z.string().nullable(),
  type: HearingType,
  title: z.string().nullable(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  lawyerIds: z.array(UserId),
  notes: z.string().nullable(),
  /** RFC 5545 SEQUENCE: raised on every change of time and on cancellation. */
  sequence: z.number().int().nonnegative(),
  source: HearingSource,
  /** Deadlines that run from this hearing. */
  dependents: z.number().int().nonnegative(),
  sync: z.array(EventSync),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Hearing = z.infer<typeof Hearing>

const hearingFields = {
  courtCaseNumber: z.string().trim().min(1).max(64),
  court: z.string().trim().min(1).max(120),
  judge: z.string().trim().max(200).nullable().optional(),
  courtroom: z.string().trim().max(60).nullable().optional(),
  type: HearingType,
  title: z.string().trim().max(300).nullable().optional(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable().optional(),
  lawyerIds: z.array(UserId).max(20).optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
}
const endAfterStart = (h: { startsAt?: string; endsAt?: string | null }, ctx: z.RefinementCtx) => {
  if (h.startsAt && h.endsAt && Date.parse(h.endsAt) <= Date.parse(h.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' })
  }
  if (h.startsAt && h.endsAt && Date.parse(h.endsAt) - Date.parse(h.startsAt) > 31 * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'a hearing lasts at most 31 days' })
  }
}

/** Body of `POST /court-calendar/hearings` (`courtCaseNumber` defaults to the matter's number). */
export const HearingCreate = z
  .object({ caseId: CaseId, ...hearingFields, courtCaseNumber: hearingFields.courtCaseNumber.optional() })
  .superRefine(endAfterStart)
export type HearingCreate = z.input<typeof HearingCreate>
/** Body of `PATCH /court-calendar/hearings/:id`. */
export const HearingPatch = z.object(hearingFields).partial().superRefine(endAfterStart)
export type HearingPatch = z.input<typeof HearingPatch>

const compactNumber = (s: string) => s.replace(/[\s\u3000]+/g, '').toUpperCase()

/**
 * A title with its case number in front (`HCA 1234/2026 · Trial`), unless the title already
 * names that number (`HCA 1234/2026 PTR`, `hca1234/2026 審前覆核`): the number is never written twice.
 */
export function withCaseNumber(caseNumber: string, title: string, separator = ' · '): string {
  return namesCaseNumber(title, caseNumber) ? title : `${caseNumber}${separator}${title}`
}

/** The text already names the case number (spaces and letter case aside). */
export function namesCaseNumber(text: string, caseNumber: string): boolean {
  return !caseNumber || compactNumber(text).includes(compactNumber(caseNumber))
}

/** A courtroom written as a bare number or code (`7`, `13A`), not a phrase (`Court 7`, `第7號法庭`). */
export const BARE_COURTROOM = /^[A-Za-z]{0,2}\d+[A-Za-z]?$/

/** A trigger event of a case that deadlines run from. */
export const TriggerEvent = z.object({
  id: TriggerId,
  caseId: CaseId,
  caseNumber: z.string(),
  kind: AnchorEvent.exclude(['hearing']),
  label: z.string().nullable(),
  occurredOn: IsoDate,
  status: z.enum(['active', 'cancelled']),
  dependents: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type TriggerEvent = z.infer<typeof TriggerEvent>
export const TriggerCreate = z.object({
  caseId: CaseId,
  kind: AnchorEvent.exclude(['hearing']),
  label: z.string().trim().max(200).nullable().optional(),
  occurredOn: IsoDate,
})
export type TriggerCreate = z.input<typeof TriggerCreate>
export const TriggerPatch = z.object({
  label: z.string().trim().max(200).nullable().optional(),
  occurredOn: IsoDate.optional(),
})
export type TriggerPatch = z.input<typeof TriggerPatch>

/** What a computed deadline runs from. */
export const DeadlineAnchor = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hearing'), hearingId: HearingId }),
  z.object({ type: z.literal('trigger'), triggerId: TriggerId }),
  z.object({ type: z.literal('deadline'), deadlineId: DeadlineId }),
  z.object({ type: z.literal('date'), date: IsoDate }),
])
export type DeadlineAnchor = z.infer<typeof DeadlineAnchor>

/** What a deadline stands at as stored: `missed` records a date that passed without the act being done. */
export const DeadlineStatus = z.enum(['open', 'done', 'missed', 'cancelled'])
export type DeadlineStatus = z.infer<typeof DeadlineStatus>

/**
 * What to record when a new deadline's date has already passed (Hong Kong time): done, missed,
 * or kept open knowing it is overdue. The server refuses a past deadline without it.
 */
export const PastDueChoice = z.enum(['done', 'missed', 'open'])
export type PastDueChoice = z.infer<typeof PastDueChoice>

/** What a deadline is shown as: the stored status, with `overdue` and `due_soon` derived for an open one. */
export const DeadlineStanding = z.enum(['open', 'due_soon', 'overdue', 'done', 'missed', 'cancelled'])
export type DeadlineStanding = z.infer<typeof DeadlineStanding>

/** An open deadline due within this many days from today (today included) is due soon. */
export const DUE_SOON_DAYS = 3

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/**
 * The standing of a deadline on a Hong Kong date `today`: an open deadline whose date is before
 * today is overdue; one due today or within {@link DUE_SOON_DAYS} days is due soon.
 */
export function deadlineStanding(d: { status: DeadlineStatus; dueOn: string }, today: string): DeadlineStanding {
  if (d.status !== 'open') return d.status
  const days = dayNumber(d.dueOn) - dayNumber(today)
  if (days < 0) return 'overdue'
  return days <= DUE_SOON_DAYS ? 'due_soon' : 'open'
}

/** A deadline of a case: computed from an anchor by a rule, or a fixed date. */
export const Deadline = z.object({
  id: DeadlineId,
  caseId: CaseId,
  caseNumber: z.string(),
  caseTitle: z.string(),
  title: z.string(),
  kind: z.enum(['computed', 'fixed']),
  dueOn: IsoDate,
  status: DeadlineStatus,
  anchor: DeadlineAnchor.nullable(),
  /** The anchor's date when last computed. */
  anchorDate: IsoDate.nullable(),
  /** `suspended`: the anchor was cancelled; the deadline keeps its last date. */
  anchorStatus: z.enum(['active', 'suspended']).nullable(),
  rule: z.object(periodFields).nullable(),
  templateId: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
  citation: z.string().nullable(),
  working: DeadlineWorking.nullable(),
  lawyerIds: z.array(UserId),
  notes: z.string().nullable(),
  sequence: z.number().int().nonnegative(),
  dependents: z.number().int().nonnegative(),
  sync: z.array(EventSync),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Deadline = z.infer<typeof Deadline>

const deadlineCommon = {
  caseId: CaseId,
  title: z.string().trim().min(1).max(300),
  lawyerIds: z.array(UserId).max(20).optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
  /** Required when the date has already passed (Hong Kong time); ignored otherwise. */
  pastDue: PastDueChoice.optional(),
}
/** Body of `POST /court-calendar/deadlines`: a template or a rule from an anchor, or a fixed date. */
export const DeadlineCreate = z.discriminatedUnion('kind', [
  z.object({ ...deadlineCommon, kind: z.literal('fixed'), dueOn: IsoDate }),
  z
    .object({
      ...deadlineCommon,
      kind: z.literal('computed'),
      anchor: DeadlineAnchor,
      templateId: z.string().min(1).max(80).optional(),
      rule: PeriodRule.optional(),
      citation: z.string().trim().max(200).nullable().optional(),
    })
    .superRefine((d, ctx) => {
      if (Boolean(d.templateId) === Boolean(d.rule))
        ctx.addIssue({ code: 'custom', path: ['templateId'], message: 'give either a template or a rule' })
    }),
])
export type DeadlineCreate = z.input<typeof DeadlineCreate>
/** Body of `PATCH /court-calendar/deadlines/:id`; `dueOn` only for a fixed deadline. */
export const DeadlinePatch = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  lawyerIds: z.array(UserId).max(20).optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
  dueOn: IsoDate.optional(),
  status: z.enum(['open', 'done', 'missed']).optional(),
})
export type DeadlinePatch = z.input<typeof DeadlinePatch>

/** Something the calendar flags. */
export const CourtConflict = z.discriminatedUnion('kind', [
  /** One lawyer in two hearings at once. */
  z.object({ kind: z.literal('double_booked'), userId: UserId, date: IsoDate, hearingIds: z.array(HearingId).min(2) }),
  /** Several deadlines of one lawyer on one day. */
  z.object({
    kind: z.literal('deadline_cluster'),
    userId: UserId,
    date: IsoDate,
    deadlineIds: z.array(DeadlineId).min(2),
  }),
])
export type CourtConflict = z.infer<typeof CourtConflict>

/** Query of the agenda / week / month views (Hong Kong dates, both included). */
export const CourtAgendaQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  caseId: CaseId.optional(),
  lawyerId: UserId.optional(),
  court: z.string().trim().max(120).optional(),
  includeCancelled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
})
export type CourtAgendaQuery = z.input<typeof CourtAgendaQuery>

/**
 * Hearings and deadlines of the caller's cases in a window, with what is flagged. `overdue`
 * holds the open deadlines whose date passed (Hong Kong time) before the window starts, so a
 * missed date never falls out of view.
 */
export const CourtAgenda = z.object({
  from: IsoDate,
  to: IsoDate,
  hearings: z.array(Hearing),
  deadlines: z.array(Deadline),
  overdue: z.array(Deadline),
  conflicts: z.array(CourtConflict),
})
export type CourtAgenda = z.infer<typeof CourtAgenda>

// ---- imports -------------------------------------------------------------------------------

export const ImportFormat = z.enum(['ical', 'csv', 'cause_list'])
export type ImportFormat = z.infer<typeof ImportFormat>

/** The header row of the CSV import's template in each language (the import reads any of them). */
export const CSV_TEMPLATE_HEADERS = {
  'zh-HK': ['案件編號', '日期', '時間', '結束時間', '法院', '法庭', '法官', '類別', '標題'],
  'zh-CN': ['案件编号', '日期', '时间', '结束时间', '法院', '法庭', '法官', '类型', '标题'],
  en: ['Case No.', 'Date', 'Time', 'End time', 'Court', 'Courtroom', 'Judge', 'Type', 'Title'],
} as const

/** An example row of the template: day/month/year dates and 24-hour Hong Kong times. */
const CSV_TEMPLATE_EXAMPLE = {
  'zh-HK': ['HCA 1234/2026', '04/05/2026', '09:30', '12:30', '高等法院原訟法庭', '12', '陳法官', '審前覆核', ''],
  'zh-CN': ['HCA 1234/2026', '04/05/2026', '09:30', '12:30', '高等法院原讼法庭', '12', '陈法官', '审前复核', ''],
  en: [
    'HCA 1234/2026',
    '04/05/2026',
    '09:30',
    '12:30',
    'Court of First Instance',
    '12',
    'Chan J',
    'Pre-trial review',
    '',
  ],
} as const

/** The CSV import's template in one language: its header row and one example row (replace it with yours). */
export function courtCsvTemplate(locale: keyof typeof CSV_TEMPLATE_HEADERS): string {
  return csvDocument([CSV_TEMPLATE_HEADERS[locale], CSV_TEMPLATE_EXAMPLE[locale]])
}

/** Body of `POST /court-calendar/imports/preview`. Nothing is saved but the preview. */
export const ImportPreviewRequest = z.object({
  format: ImportFormat,
  text: z.string().min(1).max(2_000_000),
  /** The cause list's date when the pasted text does not say it. */
  date: IsoDate.optional(),
  /** Lawyers put on every imported hearing (default: the importer). */
  lawyerIds: z.array(UserId).max(20).optional(),
  /** Length assumed when a row has a start only (a cause list). */
  defaultDurationMinutes: z.number().int().min(15).max(600).default(60),
})
export type ImportPreviewRequest = z.input<typeof ImportPreviewRequest>

export const ImportRowStatus = z.enum(['matched', 'skipped', 'ambiguous'])
export type ImportRowStatus = z.infer<typeof ImportRowStatus>
export const ImportSkipReason = z.enum([
  'no_case_number',
  'case_not_found',
  'invalid_time',
  'missing_field',
  'already_imported',
  'cancelled',
])
export type ImportSkipReason = z.infer<typeof ImportSkipReason>

/** A hearing as read from an import row. */
export const ImportedHearing = z.object({
  courtCaseNumber: z.string(),
  court: z.string(),
  judge: z.string().nullable(),
  courtroom: z.string().nullable(),
  type: HearingType,
  title: z.string().nullable(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  externalUid: z.string(),
  /** The source marks it cancelled / vacated: committing cancels the stored hearing. */
  cancelled: z.boolean(),
})
export type ImportedHearing = z.infer<typeof ImportedHearing>

/** One row of an import preview. */
export const ImportRow = z.object({
  row: z.number().int().positive(),
  status: ImportRowStatus,
  reason: ImportSkipReason.nullable(),
  action: z.enum(['create', 'update']).nullable(),
  caseId: CaseId.nullable(),
  candidates: z.array(z.object({ caseId: CaseId, caseNumber: z.string(), caseTitle: z.string() })),
  hearing: ImportedHearing.nullable(),
  raw: z.string(),
})
export type ImportRow = z.infer<typeof ImportRow>

export const ImportId = z.string().min(1).max(64).brand<'ImportId'>()
export type ImportId = z.infer<typeof ImportId>

/** A saved preview, committed later. */
export const ImportPreview = z.object({
  id: ImportId,
  format: ImportFormat,
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  counts: z.object({ matched: z.number().int(), skipped: z.number().int(), ambiguous: z.number().int() }),
  rows: z.array(ImportRow),
})
export type ImportPreview = z.infer<typeof ImportPreview>

/** Body of `POST /court-calendar/imports/:id/commit`: choices for ambiguous rows, rows to leave out. */
export const ImportCommitRequest = z.object({
  resolutions: z
    .array(z.object({ row: z.number().int().positive(), caseId: CaseId }))
    .max(5000)
    .default([]),
  skipRows: z.array(z.number().int().positive()).max(5000).default([]),
})
export type ImportCommitRequest = z.input<typeof ImportCommitRequest>

export const ImportCommitResult = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  hearingIds: z.array(HearingId),
})
export type ImportCommitResult = z.infer<typeof ImportCommitResult>

// ---- holidays, warning days, feed, settings ------------------------------------------------

/** A general holiday as the calculator uses it. */
export const CourtHoliday = z.object({
  date: IsoDate,
  name: z.string(),
  nameZh: z.string().nullable(),
  source: z.enum(['bundled', 'imported']),
})
export type CourtHoliday = z.infer<typeof CourtHoliday>

export const CourtHolidayList = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      source: z.enum(['bundled', 'imported']),
      importedAt: IsoDateTime.nullable(),
      count: z.number().int(),
    }),
  ),
  holidays: z.array(CourtHoliday),
})
export type CourtHolidayList = z.infer<typeof CourtHolidayList>

/** Body of `POST /court-calendar/holidays/import`: the Government's iCalendar-JSON file as text. */
export const HolidayImportRequest = z.object({ text: z.string().min(2).max(2_000_000) })
export type HolidayImportRequest = z.input<typeof HolidayImportRequest>
export const HolidayImportResult = z.object({
  years: z.array(z.number().int()),
  count: z.number().int(),
  recomputed: z.number().int(),
})
export type HolidayImportResult = z.infer<typeof HolidayImportResult>

export const ClosureKind = z.enum(['gale_warning', 'black_rainstorm', 'office_closed'])
export type ClosureKind = z.infer<typeof ClosureKind>
/** A declared gale / black rainstorm warning day, or a day the Registry was closed. */
export const CourtClosure = z.object({
  date: IsoDate,
  kind: ClosureKind,
  note: z.string().nullable(),
  declaredBy: z.string().nullable(),
  declaredAt: IsoDateTime,
})
export type CourtClosure = z.infer<typeof CourtClosure>
export const CourtClosureInput = z.object({
  date: IsoDate,
  kind: ClosureKind,
  note: z.string().trim().max(500).nullable().optional(),
})
export type CourtClosureInput = z.input<typeof CourtClosureInput>
/** A declaration or revocation, with how many deadlines moved. */
export const CourtClosureResult = z.object({
  closure: CourtClosure.nullable(),
  recomputed: z.number().int(),
  moved: z.array(DeadlineId),
})
export type CourtClosureResult = z.infer<typeof CourtClosureResult>

/** The caller's iCalendar feed: the secret URL, or null when none is active. */
export const CalendarFeed = z.object({ url: z.string().nullable(), createdAt: IsoDateTime.nullable() })
export type CalendarFeed = z.infer<typeof CalendarFeed>

/** Time of day `HH:MM` (24-hour, Hong Kong). */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')

/** Administrator settings of the court calendar. */
export const CourtCalendarSettings = z.object({
  /** Work-notification reminders: days before the date (0 = on the day), sent at `at` Hong Kong time. */
  reminders: z.object({ daysBefore: z.array(z.number().int().min(0).max(60)).max(6), at: ClockTime }),
  /** DingTalk calls the sync may make in a calendar month (the org's metered quota is shared). */
  monthlyCallBudget: z.number().int().min(0).max(10_000_000),
  /** Calls per second the sync paces itself to. */
  syncCallsPerSecond: z.number().min(0.5).max(100),
  /** Flag a lawyer's day with at least this many deadlines. */
  deadlineClusterThreshold: z.number().int().min(2).max(20),
})
export type CourtCalendarSettings = z.infer<typeof CourtCalendarSettings>

/** Defaults of {@link CourtCalendarSettings}. */
export const DEFAULT_COURT_CALENDAR_SETTINGS: CourtCalendarSettings = {
  reminders: { daysBefore: [7, 1, 0], at: '08:00' },
  monthlyCallBudget: 8000,
  syncCallsPerSecond: 15,
  deadlineClusterThreshold: 2,
}

/** What the app needs to offer filters and forms: the caller's cases, their lawyers, the courts used. */
export const CourtCalendarOptions = z.object({
  cases: z.array(z.object({ id: CaseId, number: z.string(), title: z.string(), canEdit: z.boolean() })),
  /** Firm members of those cases who can be put on a hearing or deadline. */
  lawyers: z.array(z.object({ id: UserId, name: z.string(), caseIds: z.array(CaseId), hasDingTalk: z.boolean() })),
  courts: z.array(z.string()),
  /** The caller may import holidays, declare warning days, edit templates and settings. */
  isAdmin: z.boolean(),
})
export type CourtCalendarOptions = z.infer<typeof CourtCalendarOptions>

/** List of trigger events of one case. */
export const TriggerListQuery = z.object({ caseId: CaseId })
export type TriggerListQuery = z.infer<typeof TriggerListQuery>
