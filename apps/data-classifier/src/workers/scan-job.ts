import { redactText, scanText } from '@suite/classifier'
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
export interface ScanRequest { jobId: number; items: ScanItem[] }

const SNIPPET = 40

/** The text around a finding, one line, every personal value in it masked. */
export function snippetOf(text: string, start: number, end: number, masked: string): string {
  const before = text.slice(Math.max(0, start - SNIPPET), start)
  const after = text.slice(end, end + SNIPPET)
  const flat = (s: string): string => redactText(s).replace(/\s+/g, ' ')
  return `${start > SNIPPET ? '…' : ''}${flat(before)}[${masked}]${flat(after)}${end + SNIPPET < text.length ? '…' : ''}`
}

/** Extract (for files) and scan one source. */
export async function scanItem(item: ScanItem): Promise<{ findings: StoredFinding[]; chars: number }> {
  let text: string
  if (item.file) text = (await extractText(item.name, new Uint8Array(await item.file.arrayBuffer()))).text
  else if (item.kind === 'chat_export') text = extractChatExport(item.text ?? '') ?? item.text ?? ''
  else text = item.text ?? ''
  const findings = scanText(text).map((f, id): StoredFinding => ({
    id, type: f.type, start: f.start, end: f.end, confidence: f.confidence, masked: f.masked,
    ...(f.category ? { category: f.category } : {}), ...(f.region ? { region: f.region } : {}),
    snippet: snippetOf(text, f.start, f.end, f.masked), dismissed: null,
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
      post({ type: 'failed', jobId: req.jobId, sourceId: item.sourceId, error: e instanceof ExtractError ? e.reason : 'read_failed' })
    }
  }
  post({ type: 'done', jobId: req.jobId })
}
