import { z } from 'zod'
import { IsoDate } from '../ids'
import {
  CalculateRequest,
  CalculateResult,
  CalendarFeed,
  CourtAgenda,
  CourtAgendaQuery,
  CourtCalendarOptions,
  CourtCalendarSettings,
  CourtClosure,
  CourtClosureInput,
  CourtClosureResult,
  CourtHolidayList,
  Deadline,
  DeadlineCreate,
  DeadlinePatch,
  Hearing,
  HearingCreate,
  HearingPatch,
  HolidayImportRequest,
  HolidayImportResult,
  ImportCommitRequest,
  ImportCommitResult,
  ImportPreview,
  ImportPreviewRequest,
  RuleTemplate,
  RuleTemplateKey,
  SyncOverview,
  TriggerCreate,
  TriggerEvent,
  TriggerListQuery,
  TriggerPatch,
} from '../court-calendar'
import { defineEndpoint } from '../endpoint'

/** Path parameters of one hearing, deadline, trigger event or import. */
export const CourtItemParams = z.object({ id: z.string().min(1).max(64) })
/** Path parameters of one rule template. */
export const RuleTemplateParams = z.object({ id: RuleTemplateKey })
/** Path parameters of one declared warning day. */
export const CourtClosureParams = z.object({ date: IsoDate })
/** Path parameters of the iCalendar feed: its secret token (`<id>.<hmac>`). */
export const CalendarFeedTokenParams = z.object({ token: z.string().min(10).max(200) })

/** Query of the rule template list: archived templates only when asked. */
export const RuleTemplateListQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() })
export type RuleTemplateListQuery = z.input<typeof RuleTemplateListQuery>

/** The trigger events of one case, latest first. */
export const TriggerEventList = z.object({ items: z.array(TriggerEvent) })
export type TriggerEventList = z.infer<typeof TriggerEventList>
/** Rule templates, or the published versions of one. */
export const RuleTemplateList = z.object({ items: z.array(RuleTemplate) })
export type RuleTemplateList = z.infer<typeof RuleTemplateList>
/** Declared warning days and closures, in date order. */
export const CourtClosureList = z.object({ items: z.array(CourtClosure) })
export type CourtClosureList = z.infer<typeof CourtClosureList>
/** The DingTalk calendar sync of one item was queued again. */
export const ItemSyncQueued = z.object({ queued: z.literal(true) })
export type ItemSyncQueued = z.infer<typeof ItemSyncQueued>
/** How many items had their DingTalk calendar sync queued again. */
export const ResyncQueued = z.object({ queued: z.number().int() })
export type ResyncQueued = z.infer<typeof ResyncQueued>

const tags = ['court-calendar']
const id = CourtItemParams

/**
 * The court calendar: the agenda, hearings, deadlines and trigger events of the caller's cases
 * (dependent deadlines follow a change on the server), the Hong Kong deadline calculator,
 * imports with a preview, the caller's iCalendar feed, rule templates as they run, and the
 * administration of holidays, warning days, settings and the DingTalk sync.
 */
export const courtCalendarApi = {
  /** Hearings, deadlines and conflicts of the caller's cases between two Hong Kong dates. */
  agenda: defineEndpoint({
    method: 'GET',
    path: '/court-calendar/agenda',
    tags,
    query: CourtAgendaQuery,
    response: CourtAgenda,
  }),
  /** The caller's cases, their lawyers and the courts used, for filters and forms. */
  options: defineEndpoint({ method: 'GET', path: '/court-calendar/options', tags, response: CourtCalendarOptions }),
  /** Run the calculator: a period from a date, or a rule template from a date. */
  calculate: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/calculate',
    tags,
    body: CalculateRequest,
    response: CalculateResult,
  }),

  /** One hearing (404 for anyone who may not see its case). */
  getHearing: defineEndpoint({
    method: 'GET',
    path: '/court-calendar/hearings/:id',
    tags,
    params: id,
    response: Hearing,
  }),
  /** Add a hearing to a case (the firm's members of it). */
  createHearing: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/hearings',
    tags,
    body: HearingCreate,
    status: 201,
    response: Hearing,
  }),
  /** Change a hearing; the deadlines that run from it follow a change of date. */
  updateHearing: defineEndpoint({
    method: 'PATCH',
    path: '/court-calendar/hearings/:id',
    tags,
    params: id,
    body: HearingPatch,
    response: Hearing,
  }),
  cancelHearing: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/hearings/:id/cancel',
    tags,
    params: id,
    response: Hearing,
  }),
  restoreHearing: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/hearings/:id/restore',
    tags,
    params: id,
    response: Hearing,
  }),
  /** Queue a hearing's DingTalk calendar sync again (after an error). */
  resyncHearing: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/hearings/:id/resync',
    tags,
    params: id,
    status: 202,
    response: ItemSyncQueued,
  }),

  getDeadline: defineEndpoint({
    method: 'GET',
    path: '/court-calendar/deadlines/:id',
    tags,
    params: id,
    response: Deadline,
  }),
  /** A fixed deadline, or one computed from an anchor by a rule template or an explicit rule. */
  createDeadline: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/deadlines',
    tags,
    body: DeadlineCreate,
    status: 201,
    response: Deadline,
  }),
  updateDeadline: defineEndpoint({
    method: 'PATCH',
    path: '/court-calendar/deadlines/:id',
    tags,
    params: id,
    body: DeadlinePatch,
    response: Deadline,
  }),
  cancelDeadline: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/deadlines/:id/cancel',
    tags,
    params: id,
    response: Deadline,
  }),
  resyncDeadline: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/deadlines/:id/resync',
    tags,
    params: id,
    status: 202,
    response: ItemSyncQueued,
  }),

  /** The trigger events of one case. */
  listTriggers: defineEndpoint({
    method: 'GET',
    path: '/court-calendar/triggers',
    tags,
    query: TriggerListQuery,
    response: TriggerEventList,
  }),
  createTrigger: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/triggers',
    tags,
    body: TriggerCreate,
    status: 201,
    response: TriggerEvent,
  }),
  updateTrigger: defineEndpoint({
    method: 'PATCH',
    path: '/court-calendar/triggers/:id',
    tags,
    params: id,
    body: TriggerPatch,
    response: TriggerEvent,
  }),
  cancelTrigger: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/triggers/:id/cancel',
    tags,
    params: id,
    response: TriggerEvent,
  }),

  /** Rule templates as they run (the low-code documents `court_rule_template/<id>`). */
  listTemplates: defineEndpoint({
    method: 'GET',
    path: '/court-calendar/rule-templates',
    tags,
    query: RuleTemplateListQuery,
    response: RuleTemplateList,
  }),
  /** Every published version of one rule template, newest first. */
  templateVersions: defineEndpoint({
    method: 'GET',
    path: '/court-calendar/rule-templates/:id/versions',
    tags,
    params: RuleTemplateParams,
    response: RuleTemplateList,
  }),

  /** Read and match a file; nothing but the preview is saved. */
  previewImport: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/imports/preview',
    tags,
    body: ImportPreviewRequest,
    status: 201,
    response: ImportPreview,
  }),
  getImport: defineEndpoint({
    method: 'GET',
    path: '/court-calendar/imports/:id',
    tags,
    params: id,
    response: ImportPreview,
  }),
  /** Save the matched rows and the ambiguous ones the person resolved. */
  commitImport: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/imports/:id/commit',
    tags,
    params: id,
    body: ImportCommitRequest,
    response: ImportCommitResult,
  }),

  /** The caller's feed URL, or nulls when none is active. */
  getFeed: defineEndpoint({ method: 'GET', path: '/court-calendar/feed', tags, response: CalendarFeed }),
  /** Create the feed URL, or replace it (the old URL stops working at once). */
  rotateFeed: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/feed',
    tags,
    status: 201,
    response: CalendarFeed,
  }),
  revokeFeed: defineEndpoint({ method: 'DELETE', path: '/court-calendar/feed', tags }),
  /**
   * The iCalendar feed itself, fetched by calendar programs without a session: the token in
   * the path is the credential. Left out of the OpenAPI document.
   */
  feedCalendar: defineEndpoint({
    method: 'GET',
    path: '/court-calendar/feed/:token/calendar.ics',
    tags,
    hidden: true,
    params: CalendarFeedTokenParams,
    responseKind: 'text',
    contentType: 'text/calendar',
  }),

  /** General holidays of every year the calendar knows, with where each year's list came from. */
  holidays: defineEndpoint({ method: 'GET', path: '/court-calendar/holidays', tags, response: CourtHolidayList }),
  /** Import the Government's iCalendar-JSON holiday file (administrators); affected deadlines are recomputed. */
  importHolidays: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/holidays/import',
    tags,
    body: HolidayImportRequest,
    response: HolidayImportResult,
  }),
  closures: defineEndpoint({ method: 'GET', path: '/court-calendar/closures', tags, response: CourtClosureList }),
  /** Declare a gale / black rainstorm day or a closure (administrators); affected deadlines are recomputed. */
  declareClosure: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/closures',
    tags,
    body: CourtClosureInput,
    response: CourtClosureResult,
  }),
  revokeClosure: defineEndpoint({
    method: 'DELETE',
    path: '/court-calendar/closures/:date',
    tags,
    params: CourtClosureParams,
    response: CourtClosureResult,
  }),
  settings: defineEndpoint({ method: 'GET', path: '/court-calendar/settings', tags, response: CourtCalendarSettings }),
  saveSettings: defineEndpoint({
    method: 'PUT',
    path: '/court-calendar/settings',
    tags,
    body: CourtCalendarSettings,
    response: CourtCalendarSettings,
  }),
  /** The month's DingTalk calls and the sync queue (administrators). */
  sync: defineEndpoint({ method: 'GET', path: '/court-calendar/sync', tags, response: SyncOverview }),
  /** Queue the sync of every item that has or should have events (administrators). */
  resyncAll: defineEndpoint({
    method: 'POST',
    path: '/court-calendar/sync/resync',
    tags,
    status: 202,
    response: ResyncQueued,
  }),
}
