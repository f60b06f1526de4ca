import {
  HK_BUNDLED_YEARS,
  HK_GENERAL_HOLIDAYS,
  createCourtCalendar,
  mergeHolidayLists,
  type CourtCalendar,
  type DeclaredDay,
  type GeneralHoliday,
  type ParsedHolidayFile,
} from '@suite/court-rules'
import type { CourtClosure, CourtHolidayList } from '@suite/domain'
import type { Queryable } from '../db/db'

interface HolidayRow {
  holiday_date: string
  name: string
  name_zh: string | null
  import_id: number
}
interface ImportRow {
  id: number
  years: number[]
  imported_at: Date
}
interface ClosureRow {
  closure_date: string
  kind: CourtClosure['kind']
  note: string | null
  declared_by: string | null
  declared_at: Date
}

/** Dates come back as `YYYY-MM-DD` text: every query casts them, so no time zone gets in. */
const DATE = (col: string, as = col) => `to_char(${col}, 'YYYY-MM-DD') AS ${as}`

async function importedHolidays(q: Queryable) {
  const holidays = (
    await q.query<HolidayRow>(
      `SELECT ${DATE('holiday_date')}, name, name_zh, import_id FROM court_holidays ORDER BY holiday_date`,
    )
  ).rows
  const imports = (await q.query<ImportRow>('SELECT id, years, imported_at FROM court_holiday_imports ORDER BY id'))
    .rows
  // A year belongs to the latest import that covered it.
  const yearImport = new Map<number, ImportRow>()
  for (const i of imports) for (const y of i.years) yearImport.set(y, i)
  return { holidays, yearImport }
}

/** Declared warning days and closures, in date order. */
export async function listClosures(q: Queryable): Promise<CourtClosure[]> {
  const { rows } = await q.query<ClosureRow>(
    `SELECT ${DATE('closure_date')}, kind, note, declared_by, declared_at FROM court_closures ORDER BY closure_date`,
  )
  return rows.map((r) => ({
    date: r.closure_date,
    kind: r.kind,
    note: r.note,
    declaredBy: r.declared_by,
    declaredAt: new Date(r.declared_at).toISOString(),
  }))
}

/**
 * The calendar the calculator uses right now: bundled general holidays, each year an
 * administrator imported replaced by the import, and every declared warning day.
 */
export async function loadCourtCalendar(q: Queryable): Promise<CourtCalendar> {
  const { holidays, yearImport } = await importedHolidays(q)
  const imported: GeneralHoliday[] = holidays.map((h) => ({
    date: h.holiday_date,
    name: h.name,
    ...(h.name_zh ? { nameZh: h.name_zh } : {}),
  }))
  const merged = mergeHolidayLists(imported, yearImport.keys())
  const declared: DeclaredDay[] = (await listClosures(q)).map((c) => ({
    date: c.date,
    kind: c.kind,
    ...(c.note ? { note: c.note } : {}),
  }))
  return createCourtCalendar({ holidays: merged.holidays, declared, holidayYears: merged.years })
}

/** Every year the calendar knows, with where its list came from. */
export async function listHolidays(q: Queryable): Promise<CourtHolidayList> {
  const { holidays, yearImport } = await importedHolidays(q)
  const bundledKept = HK_GENERAL_HOLIDAYS.filter((h) => !yearImport.has(Number(h.date.slice(0, 4))))
  const all = [
    ...bundledKept.map((h) => ({ date: h.date, name: h.name, nameZh: h.nameZh ?? null, source: 'bundled' as const })),
    ...holidays.map((h) => ({ date: h.holiday_date, name: h.name, nameZh: h.name_zh, source: 'imported' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date))
  const years = [...new Set([...HK_BUNDLED_YEARS, ...yearImport.keys()])]
    .sort((a, b) => a - b)
    .map((year) => {
      const imp = yearImport.get(year)
      return {
        year,
        source: imp ? ('imported' as const) : ('bundled' as const),
        importedAt: imp ? new Date(imp.imported_at).toISOString() : null,
        count: all.filter((h) => h.date.startsWith(`${year}-`)).length,
      }
    })
  return { years, holidays: all }
}

/**
 * Store an import: every year the file covers replaces what was there (bundled or an older
 * import). Returns the first and last dates that may have changed.
 */
export async function storeHolidayImport(
  q: Queryable,
  file: ParsedHolidayFile,
  actorId: string | null,
): Promise<{ importId: number; from: string; to: string }> {
  const { rows } = await q.query<{ id: number }>(
    'INSERT INTO court_holiday_imports (years, holiday_count, prod_id, imported_by) VALUES ($1, $2, $3, $4) RETURNING id',
    [file.years, file.holidays.length, file.prodId, actorId],
  )
  const importId = rows[0]!.id
  for (const y of file.years) {
    await q.query(`DELETE FROM court_holidays WHERE holiday_date >= $1::date AND holiday_date <= $2::date`, [
      `${y}-01-01`,
      `${y}-12-31`,
    ])
  }
  for (const h of file.holidays) {
    await q.query('INSERT INTO court_holidays (holiday_date, name, name_zh, import_id) VALUES ($1, $2, $3, $4)', [
      h.date,
      h.name,
      h.nameZh ?? null,
      importId,
    ])
  }
  const years = [...file.years].sort((a, b) => a - b)
  return { importId, from: `${years[0]}-01-01`, to: `${years[years.length - 1]}-12-31` }
}

/** Declare (or re-declare) a day; returns the closure as stored. */
export async function declareClosure(
  q: Queryable,
  c: { date: string; kind: CourtClosure['kind']; note: string | null },
  actorId: string | null,
  now: Date,
): Promise<CourtClosure> {
  await q.query(
    `INSERT INTO court_closures (closure_date, kind, note, declared_by, declared_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (closure_date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, declared_by = EXCLUDED.declared_by, declared_at = EXCLUDED.declared_at`,
    [c.date, c.kind, c.note, actorId, now],
  )
  return { date: c.date, kind: c.kind, note: c.note, declaredBy: actorId, declaredAt: now.toISOString() }
}

/** Remove a declaration; returns what was removed, or null. */
export async function revokeClosure(q: Queryable, date: string): Promise<CourtClosure | null> {
  const { rows } = await q.query<ClosureRow>(
    `DELETE FROM court_closures WHERE closure_date = $1 RETURNING ${DATE('closure_date')}, kind, note, declared_by, declared_at`,
    [date],
  )
  const r = rows[0]
  return r
    ? {
        date: r.closure_date,
        kind: r.kind,
        note: r.note,
        declaredBy: r.declared_by,
        declaredAt: new Date(r.declared_at).toISOString(),
      }
    : null
}
