import { type IsoDate, isIsoDate, weekday, yearOf } from './dates'

/**
 * Why a day does not count. The first five are the "specified days" of RHC O.3 r.2(5)
 * (Saturdays, Sundays, general holidays, gale warning days and black rainstorm warning days,
 * the last two as defined in s71 of the Interpretation and General Clauses Ordinance, Cap. 1).
 * `office_closed` is any other day the Registry is closed by direction (O.64 r.7): it moves a
 * deadline under O.3 r.4 but is not left out of a short period.
 */
export type ClosureReason =
  'saturday' | 'sunday' | 'general_holiday' | 'gale_warning' | 'black_rainstorm' | 'office_closed'

/** Every {@link ClosureReason}, in the order a day's reason is chosen. */
export const CLOSURE_REASONS: readonly ClosureReason[] = [
  'general_holiday',
  'sunday',
  'saturday',
  'gale_warning',
  'black_rainstorm',
  'office_closed',
]

/** The reasons that make a day a "specified day" of O.3 r.2(5). */
export const SPECIFIED_DAY_REASONS: readonly ClosureReason[] = [
  'general_holiday',
  'sunday',
  'saturday',
  'gale_warning',
  'black_rainstorm',
]

/** True when a closure reason makes the day a specified day (left out of a period of 7 days or less). */
export function isSpecifiedDay(reason: ClosureReason): boolean {
  return SPECIFIED_DAY_REASONS.includes(reason)
}

/** A general holiday (General Holidays Ordinance, Cap. 149) on one date. */
export interface GeneralHoliday {
  date: IsoDate
  /** English name as the Government publishes it, e.g. `Good Friday`. */
  name: string
  /** Traditional Chinese name, e.g. `耶穌受難節`, when known. */
  nameZh?: string
}

/** A day an administrator declared a gale / black rainstorm warning day, or closed by direction. */
export interface DeclaredDay {
  date: IsoDate
  kind: 'gale_warning' | 'black_rainstorm' | 'office_closed'
  /** Free text, e.g. `Signal No. 8 hoisted 06:20-16:40`. */
  note?: string
}

/** What makes one day a specified (non-counting) day. */
export interface ClosedDay {
  date: IsoDate
  reason: ClosureReason
  /** The holiday's name, or the declaration's note. */
  name?: string
  /** The holiday's Traditional Chinese name, when known. */
  nameZh?: string
}

/** The days the courts' offices are closed and short periods skip. */
export interface CourtCalendar {
  /** Why `date` is a specified day, or null for an ordinary working day. */
  closure(date: IsoDate): ClosedDay | null
  /** True when `date` is a specified day (the Registry is closed). */
  isClosed(date: IsoDate): boolean
  /** Years for which the calendar holds a general-holiday list. */
  readonly holidayYears: ReadonlySet<number>
  /** The general holidays the calendar knows, in date order. */
  readonly holidays: readonly GeneralHoliday[]
  /** The declared gale / black rainstorm days, in date order. */
  readonly declared: readonly DeclaredDay[]
}

/** Inputs of {@link createCourtCalendar}. */
export interface CourtCalendarInput {
  holidays: readonly GeneralHoliday[]
  declared?: readonly DeclaredDay[]
  /**
   * Years the holiday list is complete for. Defaults to every year that has at least one
   * holiday in `holidays`; a date in any other year gets a `no_holiday_data` warning.
   */
  holidayYears?: Iterable<number>
}

/**
 * Build a calendar from general holidays and declared warning days. A general holiday wins
 * over a weekend as the reason (19 April 2025 is shown as "the day following Good Friday",
 * not as a Saturday), and a weekend wins over a declaration.
 */
export function createCourtCalendar(input: CourtCalendarInput): CourtCalendar {
  const holidays = new Map<IsoDate, GeneralHoliday>()
  for (const h of input.holidays) {
    if (!isIsoDate(h.date)) throw new RangeError(`Holiday date is not YYYY-MM-DD: ${h.date}`)
    holidays.set(h.date, h)
  }
  const declared = new Map<IsoDate, DeclaredDay>()
  for (const d of input.declared ?? []) {
    if (!isIsoDate(d.date)) throw new RangeError(`Declared day is not YYYY-MM-DD: ${d.date}`)
    declared.set(d.date, d)
  }
  const holidayYears = new Set(input.holidayYears ?? [...holidays.keys()].map(yearOf))

  function closure(date: IsoDate): ClosedDay | null {
    const h = holidays.get(date)
    if (h) return { date, reason: 'general_holiday', name: h.name, ...(h.nameZh ? { nameZh: h.nameZh } : {}) }
    const wd = weekday(date)
    if (wd === 0) return { date, reason: 'sunday' }
    if (wd === 6) return { date, reason: 'saturday' }
    const d = declared.get(date)
    if (d) return { date, reason: d.kind, ...(d.note ? { name: d.note } : {}) }
    return null
  }

  return {
    closure,
    isClosed: (date) => closure(date) !== null,
    holidayYears,
    holidays: [...holidays.values()].sort((a, b) => a.date.localeCompare(b.date)),
    declared: [...declared.values()].sort((a, b) => a.date.localeCompare(b.date)),
  }
}
