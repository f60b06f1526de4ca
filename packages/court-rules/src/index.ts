/**
 * @suite/court-rules: the Hong Kong court deadline calculator. Pure functions on `YYYY-MM-DD`
 * dates, no I/O: RHC O.3 r.2 / r.4 reckoning with its working, the bundled 2024-2027 general
 * holidays, the Government's iCalendar-JSON holiday file parser and rule templates as data.
 */
export {
  addDays,
  addMonths,
  dateRange,
  daysBetween,
  hongKongDateOf,
  isIsoDate,
  toEpochDay,
  weekday,
  yearOf,
  type IsoDate,
  type Weekday,
} from './dates'
export {
  CLOSURE_REASONS,
  SPECIFIED_DAY_REASONS,
  createCourtCalendar,
  isSpecifiedDay,
  type ClosedDay,
  type ClosureReason,
  type CourtCalendar,
  type CourtCalendarInput,
  type DeclaredDay,
  type GeneralHoliday,
} from './calendar'
export {
  MAX_PERIOD_DAYS,
  MAX_PERIOD_MONTHS,
  DeadlineInputError,
  computeDeadline,
  validatePeriodRule,
  type ClosedDayRule,
  type DeadlineInput,
  type DeadlineResult,
  type DeadlineWarning,
  type Direction,
  type Exclusion,
  type ExclusionRule,
  type PeriodRule,
  type PeriodUnit,
} from './deadline'
export { HK_BUNDLED_YEARS, HK_GENERAL_HOLIDAYS, mergeHolidayLists } from './hk-holidays'
export { HolidayFileError, mergeLanguageFiles, parseHolidayFile, stripBom, type ParsedHolidayFile } from './ical-json'
export {
  ANCHOR_EVENTS,
  BUNDLED_TEMPLATES,
  applyTemplate,
  findBundledTemplate,
  periodOf,
  type AnchorEvent,
  type LocalizedText,
  type RuleTemplate,
} from './templates'
export { parseDeadlineArgs, runDeadlineCli, type CliIo } from './cli-core'

import { createCourtCalendar, type CourtCalendar } from './calendar'
import { HK_BUNDLED_YEARS, HK_GENERAL_HOLIDAYS } from './hk-holidays'

/** A calendar of the bundled general holidays alone (no declared days). */
export function bundledCalendar(): CourtCalendar {
  return createCourtCalendar({ holidays: HK_GENERAL_HOLIDAYS, holidayYears: HK_BUNDLED_YEARS })
}
