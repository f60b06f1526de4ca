/**
 * CSV that spreadsheets open safely: one writer for every export of the suite (the audit log,
 * the support queue, the classifier's reports) and the reader that undoes it exactly.
 */

/** What a spreadsheet takes for a formula or a command when it starts a cell (ASCII and full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
/** Cells that need quotes: separators, quotes, line breaks, or spaces a reader might trim. */
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/

/** A value as one CSV cell. */
export type CsvValue = string | number | boolean | null | undefined | readonly unknown[] | Record<string, unknown>

/**
 * One CSV cell. A cell that starts like a formula (`= + - @`, tab, carriage return) is prefixed
 * with `'`, so Excel, Numbers and LibreOffice show it as text instead of running it; a cell that
 * itself starts with `'` gets one more, so {@link readCsvCell} gives back exactly what was written.
 * Arrays are joined with `; `, objects written as JSON.
 */
export function csvCell(value: CsvValue): string {
  let s =
    value === null || value === undefined
      ? ''
      : Array.isArray(value)
        ? value.map(String).join('; ')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value)
  if (FORMULA_START.test(s) || s.startsWith("'")) s = `'${s}`
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One line of cells, without the line break. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',')
}

/**
 * A whole file: rows joined by CRLF, with a byte-order mark so that Excel opens Chinese text as
 * UTF-8 (`bom: false` for files read back by programs).
 */
export function csvDocument(rows: readonly (readonly CsvValue[])[], opts: { bom?: boolean } = {}): string {
  return `${opts.bom === false ? '' : '\uFEFF'}${rows.map(csvRow).join('\r\n')}\r\n`
}

/** The value {@link csvCell} wrote, from a cell already unquoted: the neutralising `'` removed. */
export function readCsvCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell
}

/** Split one line written by {@link csvRow} into its values (quotes and neutralising marks undone). */
export function parseCsvRow(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(readCsvCell(cur))
      cur = ''
    } else cur += ch
  }
  out.push(readCsvCell(cur))
  return out
}
