import { scanText, type Finding } from '@suite/classifier'
import { ExtractError, extractChatExport, extractText } from '@suite/classifier/extract'
import type { SourceKind } from '@suite/domain'
import type { StoredFinding } from '../lib/types'

/** One source handed to the worker. Files travel as `File` (structured clone), never as upload. */
export interface ScanItem {
  sourceId: string
  name: string
  kind: SourceKind
  file: File | null
  text: string | null
}

/** Messages from the worker. */
export type ScanMessage =
  | { type: 'progress'; jobId: number; sourceId: string; index: number; total: number }
  | { type: 'result'; jobId: number; sourceId: string; findings: StoredFinding[]; chars: number }
  | { type: 'failed'; jobId: number; sourceId: string; error: string }
  | { type: 'done'; jobId: number }

/** The request to the worker. */
export interface ScanRequest {
  jobId: number
  items: ScanItem[]
}

const SNIPPET = 40

/** The personal-data findings of a text, sorted by start: what a snippet must mask. */
type Masks = ReadonlyArray<Pick<Finding, 'type' | 'start' | 'end' | 'masked'>>

/** `text[from, to)` with every finding of `masks` inside it replaced by its masked form (cut ones by `*`). */
function maskedSlice(text: string, from: number, to: number, masks: Masks): string {
  let out = ''
  let at = from
  // First mask that ends after `from` (masks never overlap, so ends are sorted too).
  let lo = 0
  let hi = masks.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (masks[mid]!.end <= from) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < masks.length && masks[i]!.start < to; i++) {
    const m = masks[i]!
    out += text.slice(at, Math.max(at, m.start))
    out += m.start >= from && m.end <= to ? m.masked : '*'.repeat(Math.min(m.end, to) - Math.max(m.start, from))
    at = Math.min(m.end, to)
  }
  return out + text.slice(at, to)
}

/** The text around a finding, on one line, with every personal value in it masked. */
export function snippetOf(text: string, start: number, end: number, masked: string, masks: Masks): string {
  let from = Math.max(0, start - SNIPPET)
  let to = Math.min(text.length, end + SNIPPET)
  // Never cut an emoji (a surrogate pair) in half.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to++
  const flat = (s: string): string => s.replace(/\s+/g, ' ')
  return `${from > 0 ? '…' : ''}${flat(maskedSlice(text, from, start, masks))}[${masked}]${flat(maskedSlice(text, end, to, masks))}${to < text.length ? '…' : ''}`
}

/** Extract (for files) and scan one source. */
export async function scanItem(item: ScanItem): Promise<{ findings: StoredFinding[]; chars: number }> {
  let text: string
  if (item.file) text = (await extractText(item.name, new Uint8Array(await item.file.arrayBuffer()))).text
  else if (item.kind === 'chat_export') text = extractChatExport(item.text ?? '') ?? item.text ?? ''
  else text = item.text ?? ''
  const found = scanText(text)
  const masks = found.filter((f) => f.type !== 'keyword')
  const findings = found.map((f, id): StoredFinding => ({
    id,
    type: f.type,
    start: f.start,
    end: f.end,
    confidence: f.confidence,
    masked: f.masked,
    ...(f.category ? { category: f.category } : {}),
    ...(f.region ? { region: f.region } : {}),
    snippet: snippetOf(text, f.start, f.end, f.masked, masks),
    dismissed: null,
  }))
  return { findings, chars: text.length }
}

/** Scan the items one by one, reporting progress; the caller cancels by terminating the worker. */
export async function runScan(req: ScanRequest, post: (m: ScanMessage) => void): Promise<void> {
  const total = req.items.length
  for (const [index, item] of req.items.entries()) {
    post({ type: 'progress', jobId: req.jobId, sourceId: item.sourceId, index, total })
    try {
      const r = await scanItem(item)
      post({ type: 'result', jobId: req.jobId, sourceId: item.sourceId, ...r })
    } catch (e) {
      post({
        type: 'failed',
        jobId: req.jobId,
        sourceId: item.sourceId,
        error: e instanceof ExtractError ? e.reason : 'read_failed',
      })
    }
  }
  post({ type: 'done', jobId: req.jobId })
}
