import { createHash } from 'node:crypto'
import type { Queryable } from '../db/db'
import { csvRow, parseCsvRow, type CsvValue, type Locale } from '@suite/domain'
import { exportRange } from './log'
import { verifyRun, type ChainCheck, type ChainEntry } from './chain'
import { EXPORT_COLUMNS, exportHeaders } from './messages'

/** Describes an export so a regulator can check it without our database. */
export interface ExportManifest {
  format: 'suite-audit-export/1'
  from: string
  to: string
  count: number
  firstSeq: number | null
  lastSeq: number | null
  /** The hash the first exported entry links to (the anchor of this slice of the chain). */
  anchorHash: string | null
  lastHash: string | null
  /** SHA-256 over the exported entries' hashes, in order, joined by newlines. */
  entriesDigest: string
  generatedAt: string
  /** `generatedAt` in Hong Kong time, like every time a person reads in the file. */
  generatedAtHongKong: string
  /** The time zone of the `atHongKong` times. */
  timeZone: 'Asia/Hong_Kong (UTC+8)'
}

/** Hong Kong time (UTC+8 all year: no daylight saving) of an ISO instant: `2026-01-03 10:00:00`. */
export function hongKongTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/**
 * Stream an export of [from, to] (Hong Kong dates). JSON is `{manifest, entries}`; CSV is a
 * header row (in `locale`) and one row per entry, followed by `# manifest <json>` as its last
 * line. Every entry carries its time in Hong Kong time (`atHongKong`) beside the ISO UTC `at`
 * that its hash covers.
 */
export async function* exportAudit(
  q: Queryable,
  from: string,
  to: string,
  format: 'json' | 'csv',
  now = new Date(),
  locale: Locale = 'en',
): AsyncGenerator<string> {
  const digest = createHash('sha256')
  let count = 0
  let first: ChainEntry | null = null
  let last: ChainEntry | null = null
  if (format === 'csv') yield `${csvRow(exportHeaders(locale))}\n`
  else yield '{"entries":['
  for await (const e of exportRange(q, from, to)) {
    digest.update(`${e.hash}\n`)
    first ??= e
    last = e
    const row = { ...e, atHongKong: hongKongTime(e.at) }
    if (format === 'csv') yield `${csvRow(EXPORT_COLUMNS.map((c) => row[c] as CsvValue))}\n`
    else yield `${count ? ',' : ''}\n${JSON.stringify(row)}`
    count++
  }
  const manifest: ExportManifest = {
    format: 'suite-audit-export/1',
    from,
    to,
    count,
    firstSeq: first?.seq ?? null,
    lastSeq: last?.seq ?? null,
    anchorHash: first?.prevHash ?? null,
    lastHash: last?.hash ?? null,
    entriesDigest: digest.digest('hex'),
    generatedAt: now.toISOString(),
    generatedAtHongKong: hongKongTime(now.toISOString()),
    timeZone: 'Asia/Hong_Kong (UTC+8)',
  }
  if (format === 'csv') yield `# manifest ${JSON.stringify(manifest)}\n`
  else yield `\n],"manifest":${JSON.stringify(manifest)}}\n`
}

/** Parse an exported file (JSON or CSV) back into entries and its manifest. */
export function parseExport(text: string): { entries: ChainEntry[]; manifest: ExportManifest } {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{')) {
    const doc = JSON.parse(trimmed) as { entries: ChainEntry[]; manifest: ExportManifest }
    return doc
  }
  const lines = text.split('\n').filter((l) => l.length > 0)
  const manifestLine = lines.find((l) => l.startsWith('# manifest '))
  if (!manifestLine) throw new Error('CSV export has no manifest line')
  // The header is in the exporter's language: columns are read by position (older files: by name).
  const cells0 = parseCsvRow(lines[0] ?? '')
  const header: readonly string[] = cells0.includes('hash') ? cells0 : EXPORT_COLUMNS
  const entries = lines
    .slice(1)
    .filter((l) => !l.startsWith('# '))
    .map((l) => {
      const cells = parseCsvRow(l)
      const rec = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))
      const nul = (s: string | undefined) => (s === '' || s === undefined ? null : s)
      return {
        seq: Number(rec.seq),
        at: rec.at!,
        actorId: nul(rec.actorId),
        actorName: nul(rec.actorName),
        action: rec.action!,
        targetType: nul(rec.targetType),
        targetId: nul(rec.targetId),
        caseId: nul(rec.caseId),
        requestId: nul(rec.requestId),
        detail: rec.detail ? (JSON.parse(rec.detail) as Record<string, unknown>) : {},
        prevHash: rec.prevHash!,
        hash: rec.hash!,
      }
    })
  return { entries, manifest: JSON.parse(manifestLine.slice('# manifest '.length)) as ExportManifest }
}

/**
 * Verify an exported file on its own: the entries chain from the manifest's anchor, and the
 * manifest's count, last hash and digest match the entries.
 */
export function verifyExport(text: string): ChainCheck & { manifestOk: boolean } {
  const { entries, manifest } = parseExport(text)
  const first = entries[0]
  const run = first
    ? verifyRun(entries, { seq: first.seq - 1, hash: manifest.anchorHash ?? first.prevHash })
    : { ok: true, checked: 0, firstBadSeq: null, reason: null, headHash: null }
  // In a file the "missing" entry may sit further down: then the rows were reordered, not removed.
  const movedDown = run.reason === 'gap' && entries.slice(run.checked + 1).some((e) => e.seq === run.firstBadSeq)
  const check: ChainCheck = movedDown ? { ...run, reason: 'reordered' } : run
  const digest = createHash('sha256')
  for (const e of entries) digest.update(`${e.hash}\n`)
  const manifestOk =
    manifest.count === entries.length &&
    manifest.lastHash === (entries[entries.length - 1]?.hash ?? null) &&
    manifest.entriesDigest === digest.digest('hex')
  return { ...check, ok: check.ok && manifestOk, manifestOk }
}
