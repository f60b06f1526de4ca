import { SENSITIVE_TYPES, csvDocument } from '@suite/domain'
import { confidencePercent, redactText } from '@suite/classifier'
import type { CreateClassificationReport } from '@suite/domain'
import { toHongKongTime } from '@suite/ui'
import type { StoredFinding } from './types'

/** The translate function of vue-i18n, as far as the CSV needs it. */
export type Translate = (key: string, params?: Record<string, unknown>) => string

/** The report's sources as CSV in the reader's language (the same masked data the backend receives). */
export function reportCsv(report: CreateClassificationReport, t: Translate): string {
  const head = [
    t('classifier.csv.source'),
    t('classifier.csv.kind'),
    t('classifier.csv.sizeBytes'),
    t('classifier.csv.suggested'),
    t('classifier.csv.label'),
    t('classifier.csv.justification'),
    ...SENSITIVE_TYPES.map((ty) => t(`classifier.type.${ty}`)),
    t('classifier.csv.dismissed'),
    t('classifier.csv.storedIn'),
    t('classifier.csv.reach'),
    t('classifier.csv.crossBorder'),
    t('classifier.csv.samples'),
  ]
  return csvDocument([
    head,
    ...report.sources.map((s) => [
      s.name,
      t(`classifier.kind.${s.kind}`),
      s.sizeBytes,
      t(`classifier.labels.${s.suggestedLabel}`),
      t(`classifier.labels.${s.label}`),
      s.justification,
      ...SENSITIVE_TYPES.map((ty) => s.counts[ty]),
      s.dismissed,
      t(`classifier.where.${s.storedIn}`),
      t(`classifier.where.${s.reach}`),
      t(s.crossBorder ? 'classifier.csv.yes' : 'classifier.csv.no'),
      s.samples.map((x) => x.masked).join(' | '),
    ]),
  ])
}

/** Every finding, masked, with the reviewer's decision (names and notes redacted as well), in the reader's language. */
export function findingsCsv(sources: Array<{ name: string; findings: StoredFinding[] }>, t: Translate): string {
  const head = [
    t('classifier.csv.source'),
    t('classifier.csv.type'),
    t('classifier.csv.category'),
    t('classifier.csv.masked'),
    t('classifier.csv.confidence'),
    t('classifier.csv.dismissedReason'),
    t('classifier.csv.dismissedNote'),
  ]
  return csvDocument([
    head,
    ...sources.flatMap((s) =>
      s.findings.map((f) => [
        redactText(s.name),
        t(`classifier.type.${f.type}`),
        f.category ? t(`classifier.category.${f.category}`) : '',
        f.masked,
        `${confidencePercent(f.confidence)}%`,
        f.dismissed ? t(`classifier.reason.${f.dismissed.reason}`) : '',
        redactText(f.dismissed?.note ?? ''),
      ]),
    ),
  ])
}

/**
 * The file name of a report's CSV: `classification-<report title>-<yyyy-mm-dd>.csv` (the Hong
 * Kong date of the scan), with characters a file system refuses replaced; `part` names a second
 * file of the same report (`findings`).
 */
export function csvFileName(report: Pick<CreateClassificationReport, 'title' | 'scannedAt'>, part?: string): string {
  const title = report.title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
  const day = toHongKongTime(report.scannedAt)?.format('YYYY-MM-DD') ?? ''
  return `${['classification', part, title || null, day || null].filter(Boolean).join('-')}.csv`
}
