import { createHash } from 'node:crypto'
import type { Queryable } from '../db/db'
import { csvRow, parseCsvRow, type CsvValue } from '@suite/domain'
import { exportRange } from './log'
import { verifyRun, type ChainCheck, type ChainEntry } from './chain'

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
}

const CSV_COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorName',
  'action',
  'targetType',
  'targetId',
  'caseId',
  'requestId',
  'detail',
  'prevHash',
  'hash',
] as const

/**
 * Stream an export of [from, to] (Hong Kong dates). JSON is `{manifest, entries}`; CSV is a
 * header row and one row per entry, followed by `# manifest <json>` as its last line.
 */
export async function* exportAudit(
  q: Queryable,
  from: string,
  to: string,
  format: 'json' | 'csv',
  now = new Date(),
): AsyncGenerator<string> {
  const digest = createHash('sha256')
  let count = 0
  let first: ChainEntry | null = null
  let last: ChainEntry | null = null
  if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\n`
  else yield '{"entries":['
  for await (const e of exportRange(q, from, to)) {
    digest.update(`${e.hash}\n`)
    first ??= e
    last = e
    if (format === 'csv') yield `${csvRow(CSV_COLUMNS.map((c) => e[c] as CsvValue))}\n`
    else yield `${count ? ',' : ''}\n${JSON.stringify(e)}`
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
  const header = parseCsvRow(lines[0] ?? '')
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
