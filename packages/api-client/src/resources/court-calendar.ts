import {
  courtCalendarApi as api,
  type CalculateRequest,
  type CourtAgendaQuery,
  type CourtCalendarSettings,
  type CourtClosureInput,
  type DeadlineCreate,
  type DeadlinePatch,
  type HearingCreate,
  type HearingPatch,
  type ImportCommitRequest,
  type ImportPreviewRequest,
  type TriggerCreate,
  type TriggerPatch,
} from '@suite/domain'
import type { Http, RequestOptions } from '../http'

const items = <T>(r: { items: T[] }): T[] => r.items

/**
 * The court calendar: the agenda of hearings and deadlines, their changes (dependent deadlines
 * follow on the server), the Hong Kong deadline calculator, imports with a preview, the
 * caller's iCalendar feed, the rule templates as they run, and the administration of holidays,
 * warning days, settings and the DingTalk sync. Every call is an endpoint of `courtCalendarApi`
 * in @suite/domain, and every answer is parsed with its schema.
 */
export function courtCalendarResource(http: Http) {
  const byId = (id: string) => ({ params: { id } })
  return {
    /** Hearings, deadlines and conflicts of the caller's cases between two Hong Kong dates. */
    agenda: (query: CourtAgendaQuery, opts?: RequestOptions) => http.call(api.agenda, { query }, opts),
    /** The caller's cases, their lawyers and the courts used, for filters and forms. */
    options: (opts?: RequestOptions) => http.call(api.options, {}, opts),

    hearings: {
      get: (id: string, opts?: RequestOptions) => http.call(api.getHearing, byId(id), opts),
      create: (body: HearingCreate, opts?: RequestOptions) => http.call(api.createHearing, { body }, opts),
      update: (id: string, body: HearingPatch, opts?: RequestOptions) =>
        http.call(api.updateHearing, { ...byId(id), body }, opts),
      cancel: (id: string, opts?: RequestOptions) => http.call(api.cancelHearing, byId(id), opts),
      restore: (id: string, opts?: RequestOptions) => http.call(api.restoreHearing, byId(id), opts),
      /** Queue its DingTalk calendar sync again (after an error). */
      resync: (id: string, opts?: RequestOptions) => http.call(api.resyncHearing, byId(id), opts),
    },

    deadlines: {
      get: (id: string, opts?: RequestOptions) => http.call(api.getDeadline, byId(id), opts),
      create: (body: DeadlineCreate, opts?: RequestOptions) => http.call(api.createDeadline, { body }, opts),
      update: (id: string, body: DeadlinePatch, opts?: RequestOptions) =>
        http.call(api.updateDeadline, { ...byId(id), body }, opts),
      cancel: (id: string, opts?: RequestOptions) => http.call(api.cancelDeadline, byId(id), opts),
      resync: (id: string, opts?: RequestOptions) => http.call(api.resyncDeadline, byId(id), opts),
    },

    triggers: {
      list: (caseId: string, opts?: RequestOptions) =>
        http.call(api.listTriggers, { query: { caseId } }, opts).then(items),
      create: (body: TriggerCreate, opts?: RequestOptions) => http.call(api.createTrigger, { body }, opts),
      update: (id: string, body: TriggerPatch, opts?: RequestOptions) =>
        http.call(api.updateTrigger, { ...byId(id), body }, opts),
      cancel: (id: string, opts?: RequestOptions) => http.call(api.cancelTrigger, byId(id), opts),
    },

    /** Run the calculator: a period from a date, or a rule template from a date. */
    calculate: (body: CalculateRequest, opts?: RequestOptions) => http.call(api.calculate, { body }, opts),

    /**
     * Rule templates as they run (the low-code documents `court_rule_template/<id>`, which
     * administrators change in the admin app), and one template's published versions.
     */
    templates: {
      list: (includeArchived = false, opts?: RequestOptions) =>
        http.call(api.listTemplates, { query: includeArchived ? { includeArchived: 'true' } : {} }, opts).then(items),
      versions: (id: string, opts?: RequestOptions) => http.call(api.templateVersions, byId(id), opts).then(items),
    },

    imports: {
      /** Read and match a file; nothing but the preview is saved. */
      preview: (body: ImportPreviewRequest, opts?: RequestOptions) => http.call(api.previewImport, { body }, opts),
      get: (id: string, opts?: RequestOptions) => http.call(api.getImport, byId(id), opts),
      commit: (id: string, body: ImportCommitRequest, opts?: RequestOptions) =>
        http.call(api.commitImport, { ...byId(id), body }, opts),
    },

    feed: {
      get: (opts?: RequestOptions) => http.call(api.getFeed, {}, opts),
      /** Create the feed URL, or replace it (the old URL stops working at once). */
      rotate: (opts?: RequestOptions) => http.call(api.rotateFeed, {}, opts),
      revoke: (opts?: RequestOptions) => http.call(api.revokeFeed, {}, opts),
    },

    admin: {
      holidays: (opts?: RequestOptions) => http.call(api.holidays, {}, opts),
      /** Import the Government's iCalendar-JSON holiday file (text; a BOM is fine). */
      importHolidays: (text: string, opts?: RequestOptions) => http.call(api.importHolidays, { body: { text } }, opts),
      closures: (opts?: RequestOptions) => http.call(api.closures, {}, opts).then(items),
      declare: (body: CourtClosureInput, opts?: RequestOptions) => http.call(api.declareClosure, { body }, opts),
      revokeClosure: (date: string, opts?: RequestOptions) => http.call(api.revokeClosure, { params: { date } }, opts),
      settings: (opts?: RequestOptions) => http.call(api.settings, {}, opts),
      saveSettings: (body: CourtCalendarSettings, opts?: RequestOptions) => http.call(api.saveSettings, { body }, opts),
      sync: (opts?: RequestOptions) => http.call(api.sync, {}, opts),
      resyncAll: (opts?: RequestOptions) => http.call(api.resyncAll, {}, opts),
    },
  }
}

/** The `courtCalendar` resource of an `ApiClient`. */
export type CourtCalendarResource = ReturnType<typeof courtCalendarResource>
