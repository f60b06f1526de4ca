import { type ClosedDay, type ClosureReason, type CourtCalendar, isSpecifiedDay } from './calendar'
import { addDays, addMonths, dateRange, type IsoDate, isIsoDate, yearOf } from './dates'

/**
 * Reckoning of time under the Rules of the High Court (Cap. 4A) Order 3 (the District Court
 * Rules, Cap. 336H, have the same Order 3):
 *  - r.2(2) a period *after* or *from* a date begins immediately after that date;
 *  - r.2(3) a period *before* a date ends immediately before that date;
 *  - r.2(4) "clear days": at least that many days must intervene between the act and the date;
 *  - r.2(5) a period of 7 days or less leaves out Saturdays, Sundays, general holidays, gale
 *    warning days and black rainstorm warning days ("specified days");
 *  - r.4    time for an act at a court office that expires on a day the office is closed runs
 *    to the next day it is open (closed: the specified days, plus days closed by direction).
 * Wording taken from secondary notes; check against Cap. 4A before relying on an edge case.
 */

/** Direction of a period relative to its anchor date. */
export type Direction = 'after' | 'before'
/** Unit a period is expressed in. Weeks are seven days; months are calendar months. */
export type PeriodUnit = 'days' | 'weeks' | 'months'

/**
 * What to do when the day found falls on a closed day.
 *  - `roll`: O.3 r.4. For an *after* period the act is in time on the next open day. For a
 *    *before* period the next open day would fall inside the period the rule protects, so the
 *    calculator moves to the *previous* open day instead (the act is never late).
 *  - `none`: keep the day as it is (a deemed date, e.g. deemed service by post, O.10 r.1(3)).
 */
export type ClosedDayRule = 'roll' | 'none'

/** A period, as a rule (or a person) states it. */
export interface PeriodRule {
  period: number
  unit?: PeriodUnit
  direction: Direction
  /** r.2(4) clear days. Not available with months. */
  clear?: boolean
  /** The rule says "ignoring O.3 r.2(5)" (e.g. O.10 r.1(3)): count every day even when short. */
  ignoreShortPeriodRule?: boolean
  /** The rule counts the anchor day itself (O.12 r.4: "14 days after service ... including the day of service"). */
  includeAnchorDay?: boolean
  /** Default `roll`. */
  closedDayRule?: ClosedDayRule
}

/** Input of {@link computeDeadline}: a period and the date it runs from. */
export interface DeadlineInput extends PeriodRule {
  from: IsoDate
}

/** Which part of the rules left a day out. */
export type ExclusionRule = 'O.3 r.2(5)' | 'O.3 r.4' | 'closed-before'

/** A day left out of the count (or passed over), and why. */
export interface Exclusion {
  date: IsoDate
  reason: ClosureReason
  /** The holiday's name or the declaration's note. */
  name?: string
  /** The holiday's Traditional Chinese name, when known. */
  nameZh?: string
  rule: ExclusionRule
}

/** Something the reader of a result should know. */
export interface DeadlineWarning {
  code: 'no_holiday_data'
  year: number
}

/** The answer, with its working. */
export interface DeadlineResult {
  /** The last day the act may be done (for `after` + clear: the first day it may be done). */
  deadline: IsoDate
  /** The days that make up the period, in date order. */
  counted: IsoDate[]
  /** The days left out of the period or passed over by O.3 r.4, in date order. */
  excluded: Exclusion[]
  /** The day before any closed-day move; equals `deadline` when nothing moved. */
  unadjusted: IsoDate
  /** True when r.2(5) applied (a period of 7 days or less, not excepted). */
  shortPeriodRule: boolean
  /** Days in the period as stated (months are not converted). */
  period: number
  unit: PeriodUnit
  direction: Direction
  clear: boolean
  warnings: DeadlineWarning[]
}

/** A period rule that cannot be computed. */
export class DeadlineInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message)
    this.name = 'DeadlineInputError'
  }
}

/** Longest period accepted: ten years of days, 120 months. */
export const MAX_PERIOD_DAYS = 3660
export const MAX_PERIOD_MONTHS = 120
/** r.4 never needs to pass over more closed days than this (a typhoon week next to a holiday). */
const MAX_ROLL = 60

/** Check a period rule; returns the first problem or null. */
export function validatePeriodRule(r: PeriodRule & { from?: unknown }): DeadlineInputError | null {
  const unit = r.unit ?? 'days'
  if ('from' in r && !isIsoDate(r.from))
    return new DeadlineInputError('from must be a real date written YYYY-MM-DD', 'from')
  if (!Number.isInteger(r.period) || r.period < 1)
    return new DeadlineInputError('the period must be a whole number of at least 1', 'period')
  const max =
    unit === 'months' ? MAX_PERIOD_MONTHS : unit === 'weeks' ? Math.floor(MAX_PERIOD_DAYS / 7) : MAX_PERIOD_DAYS
  if (r.period > max) return new DeadlineInputError(`the period may be at most ${max} ${unit}`, 'period')
  if (r.direction !== 'after' && r.direction !== 'before')
    return new DeadlineInputError('direction must be "after" or "before"', 'direction')
  if (unit !== 'days' && unit !== 'weeks' && unit !== 'months')
    return new DeadlineInputError('unit must be days, weeks or months', 'unit')
  if (r.clear && unit === 'months') return new DeadlineInputError('clear days cannot be combined with months', 'clear')
  if (r.includeAnchorDay && (r.direction === 'before' || r.clear || unit === 'months')) {
    return new DeadlineInputError(
      'counting the anchor day only applies to an "after" period of days, not clear',
      'includeAnchorDay',
    )
  }
  return null
}

function excluded(day: ClosedDay, rule: ExclusionRule): Exclusion {
  return {
    date: day.date,
    reason: day.reason,
    ...(day.name ? { name: day.name } : {}),
    ...(day.nameZh ? { nameZh: day.nameZh } : {}),
    rule,
  }
}

/**
 * Compute the day an act must be done by (or, for `after` with clear days, the first day it
 * may be done), with the working: every counted day, and every day left out and why.
 *
 * @example
 * // "within 7 days after Thursday 17 April 2025": 18, 19, 21 April are general holidays,
 * // 20 and 26-27 April a weekend, so the deadline is Wednesday 30 April 2025.
 * computeDeadline({ from: '2025-04-17', period: 7, direction: 'after' }, calendar).deadline // '2025-04-30'
 * @throws DeadlineInputError for an impossible rule (see {@link validatePeriodRule}).
 */
export function computeDeadline(input: DeadlineInput, calendar: CourtCalendar): DeadlineResult {
  const problem = validatePeriodRule(input)
  if (problem) throw problem
  const unit = input.unit ?? 'days'
  const clear = Boolean(input.clear)
  const after = input.direction === 'after'
  const step = after ? 1 : -1
  const counted: IsoDate[] = []
  const left: Exclusion[] = []
  let shortPeriodRule = false

  if (unit === 'months') {
    // r.2(2)/(3) with calendar months: the period ends on the corresponding date.
    if (after) counted.push(...dateRange(addDays(input.from, 1), addMonths(input.from, input.period)))
    else counted.push(...dateRange(addMonths(input.from, -input.period), addDays(input.from, -1)))
  } else {
    const days = unit === 'weeks' ? input.period * 7 : input.period
    shortPeriodRule = days <= 7 && !input.ignoreShortPeriodRule
    let cursor = input.includeAnchorDay ? input.from : addDays(input.from, step)
    while (counted.length < days) {
      const closed = shortPeriodRule ? calendar.closure(cursor) : null
      if (closed && isSpecifiedDay(closed.reason)) left.push(excluded(closed, 'O.3 r.2(5)'))
      else counted.push(cursor)
      cursor = addDays(cursor, step)
    }
    if (!after) counted.reverse()
  }

  // The day found before any closed-day move.
  const first = counted[0]!
  const last = counted[counted.length - 1]!
  let day: IsoDate
  if (after) day = clear ? addDays(last, 1) : last
  else day = clear ? addDays(first, -1) : first
  const unadjusted = day

  if ((input.closedDayRule ?? 'roll') === 'roll') {
    for (let i = 0; i < MAX_ROLL; i++) {
      const closed = calendar.closure(day)
      if (!closed) break
      left.push(excluded(closed, after ? 'O.3 r.4' : 'closed-before'))
      day = addDays(day, step)
    }
  }

  const span = [...counted, day]
  const warnings: DeadlineWarning[] = [...new Set(span.map(yearOf))]
    .filter((y) => !calendar.holidayYears.has(y))
    .sort((a, b) => a - b)
    .map((year) => ({ code: 'no_holiday_data' as const, year }))

  return {
    deadline: day,
    counted,
    excluded: left.sort((a, b) => a.date.localeCompare(b.date)),
    unadjusted,
    shortPeriodRule,
    period: input.period,
    unit,
    direction: input.direction,
    clear,
    warnings,
  }
}
