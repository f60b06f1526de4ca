import type { GeneralHoliday } from './calendar'
import { addDays, type IsoDate, isIsoDate, yearOf } from './dates'

/**
 * Parser of the Hong Kong Government's general-holiday file (1823, "iCalendar-JSON"):
 * `{"vcalendar":[{"vevent":[{"dtstart":["20250101",{"value":"DATE"}],"dtend":["20250102",...],"summary":"..."}]}]}`.
 * `dtend` is exclusive; the file may start with a UTF-8 byte-order mark.
 */

/** Why a holiday file was refused. */
export class HolidayFileError extends Error {
  constructor(
    message: string,
    readonly path: string = '',
  ) {
    super(message)
    this.name = 'HolidayFileError'
  }
}

/** What {@link parseHolidayFile} found. */
export interface ParsedHolidayFile {
  holidays: GeneralHoliday[]
  /** Years that have at least one holiday in the file (the years an import overrides). */
  years: number[]
  /** The file's PRODID, when present (the Government's says which language it is). */
  prodId: string | null
}

function compactToIso(value: unknown, path: string): IsoDate {
  const raw = Array.isArray(value) ? value[0] : value
  if (typeof raw !== 'string') throw new HolidayFileError('date is missing', path)
  const digits = raw.replace(/-/g, '').slice(0, 8)
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
  if (!/^\d{8}$/.test(digits) || !isIsoDate(iso)) throw new HolidayFileError(`not a date: ${raw}`, path)
  return iso
}

/** Drop a leading UTF-8 BOM, whether it arrives as U+FEFF or as the raw bytes read as Latin-1. */
export function stripBom(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) return text.slice(1)
  if (text.startsWith('\u00ef\u00bb\u00bf')) return text.slice(3)
  return text
}

/**
 * Parse the 1823 holiday file. Events spanning several days (`dtend` more than a day after
 * `dtstart`) give one holiday per day. `nameZh` is set when the summary has CJK characters
 * (the Traditional Chinese file), `name` always holds the summary.
 * @throws HolidayFileError with a path such as `vcalendar[0].vevent[3].dtstart`.
 */
export function parseHolidayFile(input: string | Uint8Array): ParsedHolidayFile {
  const text = stripBom(typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input))
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    throw new HolidayFileError(`not valid JSON: ${(e as Error).message}`)
  }
  const cals = (doc as { vcalendar?: unknown })?.vcalendar
  if (!Array.isArray(cals) || cals.length === 0) throw new HolidayFileError('no "vcalendar" array', 'vcalendar')
  const out = new Map<IsoDate, GeneralHoliday>()
  let prodId: string | null = null
  cals.forEach((cal, ci) => {
    const c = cal as { vevent?: unknown; prodid?: unknown }
    if (typeof c.prodid === 'string') prodId ??= c.prodid
    if (!Array.isArray(c.vevent)) throw new HolidayFileError('no "vevent" array', `vcalendar[${ci}].vevent`)
    c.vevent.forEach((ev, ei) => {
      const path = `vcalendar[${ci}].vevent[${ei}]`
      const e = ev as { dtstart?: unknown; dtend?: unknown; summary?: unknown }
      const start = compactToIso(e.dtstart, `${path}.dtstart`)
      const end = e.dtend === undefined ? addDays(start, 1) : compactToIso(e.dtend, `${path}.dtend`)
      if (end <= start) throw new HolidayFileError('dtend is not after dtstart', `${path}.dtend`)
      const summary = typeof e.summary === 'string' ? e.summary.trim() : ''
      if (!summary) throw new HolidayFileError('summary is missing', `${path}.summary`)
      const zh = /[\u3400-\u9fff]/.test(summary)
      for (let d = start; d < end; d = addDays(d, 1)) {
        out.set(d, zh ? { date: d, name: summary, nameZh: summary } : { date: d, name: summary })
      }
    })
  })
  const holidays = [...out.values()].sort((a, b) => a.date.localeCompare(b.date))
  if (!holidays.length) throw new HolidayFileError('the file lists no holidays', 'vcalendar')
  return { holidays, years: [...new Set(holidays.map((h) => yearOf(h.date)))], prodId }
}

/**
 * Combine the English and the Traditional Chinese files of the same years into one list
 * with both names. Dates only one file has are kept with the name it gives.
 */
export function mergeLanguageFiles(en: ParsedHolidayFile, zh: ParsedHolidayFile): GeneralHoliday[] {
  const byDate = new Map<IsoDate, GeneralHoliday>(en.holidays.map((h) => [h.date, { date: h.date, name: h.name }]))
  for (const h of zh.holidays) {
    const prev = byDate.get(h.date)
    byDate.set(h.date, prev ? { ...prev, nameZh: h.name } : { date: h.date, name: h.name, nameZh: h.name })
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date))
}
