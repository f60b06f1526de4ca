import type { GeneralHoliday } from './calendar'

/*
 * Hong Kong general holidays 2024-2027 (General Holidays Ordinance, Cap. 149), bundled so the
 * calculator works before an administrator has imported anything.
 *
 * Sources and status — CHECK EVERY YEAR AGAINST THE GOVERNMENT'S 1823 FILE
 * (https://www.1823.gov.hk/common/ical/en.json, the gazetted list): an administrator's import of
 * that file overrides these lists year by year, and it is the authoritative one.
 *  - 2026: as listed in shared/DOMAIN.md (gazetted list).
 *  - 2024, 2025: the gazetted lists as published by the Government for those years.
 *  - 2027: derived from the statutory rules (lunar dates: LNY Sat 6 Feb, so the fourth day
 *    replaces the second day that falls on a Sunday; Easter 28 March; Christmas on a Saturday,
 *    so the first weekday after it is Monday 27 December). Treat 2027 as provisional until the
 *    gazette notice is imported.
 * Rules used to check them: when Lunar New Year's Day, its second or third day falls on a
 * Sunday, the fourth day is a holiday; any other holiday on a Sunday moves to the next day
 * that is not a holiday ("the day following ..."); a holiday on a Saturday does not move.
 */

type Row = [date: string, en: string, zh: string]

const NAMES = {
  jan1: ['The first day of January', '一月一日'],
  lny1: ['Lunar New Year’s Day', '農曆年初一'],
  lny2: ['The second day of Lunar New Year', '農曆年初二'],
  lny3: ['The third day of Lunar New Year', '農曆年初三'],
  lny4: ['The fourth day of Lunar New Year', '農曆年初四'],
  chingMing: ['Ching Ming Festival', '清明節'],
  chingMingNext: ['The day following Ching Ming Festival', '清明節翌日'],
  goodFriday: ['Good Friday', '耶穌受難節'],
  goodFridayNext: ['The day following Good Friday', '耶穌受難節翌日'],
  easterMonday: ['Easter Monday', '復活節星期一'],
  easterMondayNext: ['The day following Easter Monday', '復活節星期一翌日'],
  labour: ['Labour Day', '勞動節'],
  buddha: ['The Birthday of the Buddha', '佛誕'],
  buddhaNext: ['The day following the Birthday of the Buddha', '佛誕翌日'],
  tuenNg: ['Tuen Ng Festival', '端午節'],
  hksar: ['Hong Kong Special Administrative Region Establishment Day', '香港特別行政區成立紀念日'],
  midAutumnNext: ['The day following the Chinese Mid-Autumn Festival', '中秋節翌日'],
  national: ['National Day', '國慶日'],
  chungYeung: ['Chung Yeung Festival', '重陽節'],
  chungYeungNext: ['The day following Chung Yeung Festival', '重陽節翌日'],
  christmas: ['Christmas Day', '聖誕節'],
  christmasNext: ['The first weekday after Christmas Day', '聖誕節後第一個周日'],
} as const

type Key = keyof typeof NAMES
const row = (date: string, key: Key): Row => [date, NAMES[key][0], NAMES[key][1]]

const ROWS: Row[] = [
  // 2024
  row('2024-01-01', 'jan1'),
  row('2024-02-10', 'lny1'),
  row('2024-02-12', 'lny3'),
  row('2024-02-13', 'lny4'),
  row('2024-03-29', 'goodFriday'),
  row('2024-03-30', 'goodFridayNext'),
  row('2024-04-01', 'easterMonday'),
  row('2024-04-04', 'chingMing'),
  row('2024-05-01', 'labour'),
  row('2024-05-15', 'buddha'),
  row('2024-06-10', 'tuenNg'),
  row('2024-07-01', 'hksar'),
  row('2024-09-18', 'midAutumnNext'),
  row('2024-10-01', 'national'),
  row('2024-10-11', 'chungYeung'),
  row('2024-12-25', 'christmas'),
  row('2024-12-26', 'christmasNext'),
  // 2025
  row('2025-01-01', 'jan1'),
  row('2025-01-29', 'lny1'),
  row('2025-01-30', 'lny2'),
  row('2025-01-31', 'lny3'),
  row('2025-04-04', 'chingMing'),
  row('2025-04-18', 'goodFriday'),
  row('2025-04-19', 'goodFridayNext'),
  row('2025-04-21', 'easterMonday'),
  row('2025-05-01', 'labour'),
  row('2025-05-05', 'buddha'),
  row('2025-05-31', 'tuenNg'),
  row('2025-07-01', 'hksar'),
  row('2025-10-01', 'national'),
  row('2025-10-07', 'midAutumnNext'),
  row('2025-10-29', 'chungYeung'),
  row('2025-12-25', 'christmas'),
  row('2025-12-26', 'christmasNext'),
  // 2026 (DOMAIN.md: 1 Jan; 17, 18, 19 Feb; 3, 4, 6, 7 Apr; 1 May; 25 May; 19 Jun; 1 Jul; 26 Sep; 1 Oct; 19 Oct; 25, 26 Dec)
  row('2026-01-01', 'jan1'),
  row('2026-02-17', 'lny1'),
  row('2026-02-18', 'lny2'),
  row('2026-02-19', 'lny3'),
  row('2026-04-03', 'goodFriday'),
  row('2026-04-04', 'goodFridayNext'),
  row('2026-04-06', 'chingMingNext'),
  row('2026-04-07', 'easterMondayNext'),
  row('2026-05-01', 'labour'),
  row('2026-05-25', 'buddhaNext'),
  row('2026-06-19', 'tuenNg'),
  row('2026-07-01', 'hksar'),
  row('2026-09-26', 'midAutumnNext'),
  row('2026-10-01', 'national'),
  row('2026-10-19', 'chungYeungNext'),
  row('2026-12-25', 'christmas'),
  row('2026-12-26', 'christmasNext'),
  // 2027 (provisional: see the note above)
  row('2027-01-01', 'jan1'),
  row('2027-02-06', 'lny1'),
  row('2027-02-08', 'lny3'),
  row('2027-02-09', 'lny4'),
  row('2027-03-26', 'goodFriday'),
  row('2027-03-27', 'goodFridayNext'),
  row('2027-03-29', 'easterMonday'),
  row('2027-04-05', 'chingMing'),
  row('2027-05-01', 'labour'),
  row('2027-05-13', 'buddha'),
  row('2027-06-09', 'tuenNg'),
  row('2027-07-01', 'hksar'),
  row('2027-09-16', 'midAutumnNext'),
  row('2027-10-01', 'national'),
  row('2027-10-08', 'chungYeung'),
  row('2027-12-25', 'christmas'),
  row('2027-12-27', 'christmasNext'),
]

/** The bundled general holidays, 2024-2027, in date order. */
export const HK_GENERAL_HOLIDAYS: readonly GeneralHoliday[] = Object.freeze(
  ROWS.map(([date, name, nameZh]) => Object.freeze({ date, name, nameZh })),
)

/** Years the bundled list covers. */
export const HK_BUNDLED_YEARS: readonly number[] = [2024, 2025, 2026, 2027]

/**
 * The effective holiday list: the bundled years, with every year that `imported` covers
 * replaced wholesale by the imported list (an administrator's 1823 import is authoritative).
 */
export function mergeHolidayLists(
  imported: readonly GeneralHoliday[],
  importedYears?: Iterable<number>,
): { holidays: GeneralHoliday[]; years: number[] } {
  const overridden = new Set(importedYears ?? imported.map((h) => Number(h.date.slice(0, 4))))
  const kept = HK_GENERAL_HOLIDAYS.filter((h) => !overridden.has(Number(h.date.slice(0, 4))))
  const holidays = [...kept, ...imported].sort((a, b) => a.date.localeCompare(b.date))
  const years = [...new Set([...HK_BUNDLED_YEARS, ...overridden])].sort((a, b) => a - b)
  return { holidays, years }
}
