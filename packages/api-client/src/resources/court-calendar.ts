import { z } from 'zod'
import {
  CalculateResult, CalendarFeed, CourtAgenda, CourtCalendarOptions, CourtCalendarSettings, CourtClosure, CourtClosureResult,
  CourtHolidayList, Deadline, Hearing, HolidayImportResult, ImportCommitResult, ImportPreview, RuleTemplate, SyncOverview, TriggerEvent,
  type CalculateRequest, type CourtAgendaQuery, type CourtClosureInput, type DeadlineCreate, type DeadlinePatch, type HearingCreate,
  type HearingPatch, type ImportCommitRequest, type ImportPreviewRequest, type TriggerCreate,
  type TriggerPatch,
} from '@suite/domain'
import { NoContent, type Http, type RequestOptions } from '../http'

const base = '/court-calendar'
const enc = encodeURIComponent
const Queued = z.object({ queued: z.union([z.literal(true), z.number().int()]) })
const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) }).transform((r) => r.items)

/**
 * The court calendar: the agenda of hearings and deadlines, their changes (dependent deadlines
 * follow on the server), the Hong Kong deadline calculator, imports with a preview, the
 * caller's iCalendar feed, the rule templates as they run, and the administration of holidays, warning days,
 * settings and the DingTalk sync. Every answer is parsed with the @suite/domain schema.
 */
export function courtCalendarResource(http: Http) {
  return {
    /** Hearings, deadlines and conflicts of the caller's cases between two Hong Kong dates. */
    agenda: (query: CourtAgendaQuery, opts?: RequestOptions) => http.request(CourtAgenda, { url: `${base}/agenda`, params: query }, opts),
    /** The caller's cases, their lawyers and the courts used, for filters and forms. */
    options: (opts?: RequestOptions) => http.request(CourtCalendarOptions, { url: `${base}/options` }, opts),

    hearings: {
      get: (id: string, opts?: RequestOptions) => http.request(Hearing, { url: `${base}/hearings/${enc(id)}` }, opts),
      create: (body: HearingCreate, opts?: RequestOptions) => http.request(Hearing, { method: 'POST', url: `${base}/hearings`, data: body }, opts),
      update: (id: string, body: HearingPatch, opts?: RequestOptions) => http.request(Hearing, { method: 'PATCH', url: `${base}/hearings/${enc(id)}`, data: body }, opts),
      cancel: (id: string, opts?: RequestOptions) => http.request(Hearing, { method: 'POST', url: `${base}/hearings/${enc(id)}/cancel` }, opts),
      restore: (id: string, opts?: RequestOptions) => http.request(Hearing, { method: 'POST', url: `${base}/hearings/${enc(id)}/restore` }, opts),
      /** Queue its DingTalk calendar sync again (after an error). */
      resync: (id: string, opts?: RequestOptions) => http.request(Queued, { method: 'POST', url: `${base}/hearings/${enc(id)}/resync` }, opts),
    },

    deadlines: {
      get: (id: string, opts?: RequestOptions) => http.request(Deadline, { url: `${base}/deadlines/${enc(id)}` }, opts),
      create: (body: DeadlineCreate, opts?: RequestOptions) => http.request(Deadline, { method: 'POST', url: `${base}/deadlines`, data: body }, opts),
      update: (id: string, body: DeadlinePatch, opts?: RequestOptions) => http.request(Deadline, { method: 'PATCH', url: `${base}/deadlines/${enc(id)}`, data: body }, opts),
      cancel: (id: string, opts?: RequestOptions) => http.request(Deadline, { method: 'POST', url: `${base}/deadlines/${enc(id)}/cancel` }, opts),
      resync: (id: string, opts?: RequestOptions) => http.request(Queued, { method: 'POST', url: `${base}/deadlines/${enc(id)}/resync` }, opts),
    },

    triggers: {
      list: (caseId: string, opts?: RequestOptions) => http.request(Items(TriggerEvent), { url: `${base}/triggers`, params: { caseId } }, opts),
      create: (body: TriggerCreate, opts?: RequestOptions) => http.request(TriggerEvent, { method: 'POST', url: `${base}/triggers`, data: body }, opts),
      update: (id: string, body: TriggerPatch, opts?: RequestOptions) => http.request(TriggerEvent, { method: 'PATCH', url: `${base}/triggers/${enc(id)}`, data: body }, opts),
      cancel: (id: string, opts?: RequestOptions) => http.request(TriggerEvent, { method: 'POST', url: `${base}/triggers/${enc(id)}/cancel` }, opts),
    },

    /** Run the calculator: a period from a date, or a rule template from a date. */
    calculate: (body: CalculateRequest, opts?: RequestOptions) => http.request(CalculateResult, { method: 'POST', url: `${base}/calculate`, data: body }, opts),

    /**
     * Rule templates as they run (the low-code documents `court_rule_template/<id>`, which
     * administrators change in the admin app), and one template's published versions.
     */
    templates: {
      list: (includeArchived = false, opts?: RequestOptions) =>
        http.request(Items(RuleTemplate), { url: `${base}/rule-templates`, params: includeArchived ? { includeArchived: 'true' } : {} }, opts),
      versions: (id: string, opts?: RequestOptions) => http.request(Items(RuleTemplate), { url: `${base}/rule-templates/${enc(id)}/versions` }, opts),
    },

    imports: {
      /** Read and match a file; nothing but the preview is saved. */
      preview: (body: ImportPreviewRequest, opts?: RequestOptions) => http.request(ImportPreview, { method: 'POST', url: `${base}/imports/preview`, data: body }, opts),
      get: (id: string, opts?: RequestOptions) => http.request(ImportPreview, { url: `${base}/imports/${enc(id)}` }, opts),
      commit: (id: string, body: ImportCommitRequest, opts?: RequestOptions) =>
        http.request(ImportCommitResult, { method: 'POST', url: `${base}/imports/${enc(id)}/commit`, data: body }, opts),
    },

    feed: {
      get: (opts?: RequestOptions) => http.request(CalendarFeed, { url: `${base}/feed` }, opts),
      /** Create the feed URL, or replace it (the old URL stops working at once). */
      rotate: (opts?: RequestOptions) => http.request(CalendarFeed, { method: 'POST', url: `${base}/feed` }, opts),
      revoke: (opts?: RequestOptions) => http.request(NoContent, { method: 'DELETE', url: `${base}/feed` }, opts),
    },

    admin: {
      holidays: (opts?: RequestOptions) => http.request(CourtHolidayList, { url: `${base}/holidays` }, opts),
      /** Import the Government's iCalendar-JSON holiday file (text; a BOM is fine). */
      importHolidays: (text: string, opts?: RequestOptions) => http.request(HolidayImportResult, { method: 'POST', url: `${base}/holidays/import`, data: { text } }, opts),
      closures: (opts?: RequestOptions) => http.request(Items(CourtClosure), { url: `${base}/closures` }, opts),
      declare: (body: CourtClosureInput, opts?: RequestOptions) => http.request(CourtClosureResult, { method: 'POST', url: `${base}/closures`, data: body }, opts),
      revokeClosure: (date: string, opts?: RequestOptions) => http.request(CourtClosureResult, { method: 'DELETE', url: `${base}/closures/${enc(date)}` }, opts),
      settings: (opts?: RequestOptions) => http.request(CourtCalendarSettings, { url: `${base}/settings` }, opts),
      saveSettings: (body: CourtCalendarSettings, opts?: RequestOptions) => http.request(CourtCalendarSettings, { method: 'PUT', url: `${base}/settings`, data: body }, opts),
      sync: (opts?: RequestOptions) => http.request(SyncOverview, { url: `${base}/sync` }, opts),
      resyncAll: (opts?: RequestOptions) => http.request(Queued, { method: 'POST', url: `${base}/sync/resync` }, opts),
    },
  }
}

/** The `courtCalendar` resource of an `ApiClient`. */
export type CourtCalendarResource = ReturnType<typeof courtCalendarResource>
