import { SENSITIVE_TYPES } from '@suite/domain'
import { redactText } from '@suite/classifier'
import type { CreateClassificationReport } from '@suite/domain'
import type { StoredFinding } from './types'

/** One CSV cell: quoted when needed, and a leading = + - @ neutralised so spreadsheets do not run it. */
export function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

const csv = (rows: Array<Array<string | number | boolean | null>>): string =>
  // BOM: Excel opens UTF-8 (Chinese) correctly only with it.
  `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`

/** The report's sources as CSV (the same masked data the backend receives). */
export function reportCsv(report: CreateClassificationReport): string {
  const head = ['source', 'kind', 'size_bytes', 'suggested_label', 'label', 'justification', ...SENSITIVE_TYPES, 'dismissed', 'stored_in', 'reach', 'cross_border', 'samples']
  return csv([head, ...report.sources.map((s) => [
    s.name, s.kind, s.sizeBytes, s.suggestedLabel, s.label, s.justification, ...SENSITIVE_TYPES.map((t) => s.counts[t]), s.dismissed,
    s.storedIn, s.reach, s.crossBorder, s.samples.map((x) => x.masked).join(' | '),
  ])])
}

/** Every finding, masked, with the reviewer's decision (names and notes redacted as well). */
export function findingsCsv(sources: Array<{ name: string; findings: StoredFinding[] }>): string {
  const head = ['source', 'type', 'category', 'masked', 'confidence', 'dismissed_reason', 'dismissed_note']
  return csv([head, ...sources.flatMap((s) => s.findings.map((f) => [redactText(s.name), f.type, f.category ?? '', f.masked, f.confidence, f.dismissed?.reason ?? '', redactText(f.dismissed?.note ?? '')]))])
}
