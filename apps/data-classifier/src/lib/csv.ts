import { SENSITIVE_TYPES, csvDocument } from '@suite/domain'
import { redactText } from '@suite/classifier'
import type { CreateClassificationReport } from '@suite/domain'
import type { StoredFinding } from './types'

/** The report's sources as CSV (the same masked data the backend receives). */
export function reportCsv(report: CreateClassificationReport): string {
  const head = [
    'source',
    'kind',
    'size_bytes',
    'suggested_label',
    'label',
    'justification',
    ...SENSITIVE_TYPES,
    'dismissed',
    'stored_in',
    'reach',
    'cross_border',
    'samples',
  ]
  return csvDocument([
    head,
    ...report.sources.map((s) => [
      s.name,
      s.kind,
      s.sizeBytes,
      s.suggestedLabel,
      s.label,
      s.justification,
      ...SENSITIVE_TYPES.map((t) => s.counts[t]),
      s.dismissed,
      s.storedIn,
      s.reach,
      s.crossBorder,
      s.samples.map((x) => x.masked).join(' | '),
    ]),
  ])
}

/** Every finding, masked, with the reviewer's decision (names and notes redacted as well). */
export function findingsCsv(sources: Array<{ name: string; findings: StoredFinding[] }>): string {
  const head = ['source', 'type', 'category', 'masked', 'confidence', 'dismissed_reason', 'dismissed_note']
  return csvDocument([
    head,
    ...sources.flatMap((s) =>
      s.findings.map((f) => [
        redactText(s.name),
        f.type,
        f.category ?? '',
        f.masked,
        f.confidence,
        f.dismissed?.reason ?? '',
        redactText(f.dismissed?.note ?? ''),
      ]),
    ),
  ])
}
