import { SENSITIVE_TYPES, type SensitiveType } from '@suite/domain'
import { hasContext, indexContext } from './context'
import { detectCards } from './detectors/credit-card'
import { detectCnIds } from './detectors/cn-id'
import { detectEmails } from './detectors/email'
import { detectHkIds } from './detectors/hk-id'
import { detectKeywords } from './detectors/keywords'
import { detectMoIds } from './detectors/mo-id'
import { detectPhones } from './detectors/phone'
import { maskValue } from './mask'
import { foldForScan } from './text/normalize'
import { decodeEscapes } from './text/unescape'
import type { Candidate, Finding, ScanOptions } from './types'

/** Characters either side searched for context words. */
export const DEFAULT_CONTEXT_WINDOW = 300
/** How far before a bare 8-digit number its phone word must be (`電話：91234567`). */
const BARE_PHONE_WINDOW = 40
/** Confidence a context word adds. */
const CONTEXT_BONUS = 0.25

/** When two candidates overlap, the stronger evidence wins: checked IDs before shapes. */
const PRIORITY: Record<SensitiveType, number> = {
  cn_id: 0,
  hk_id: 1,
  credit_card: 2,
  mo_id: 3,
  email: 4,
  phone: 5,
  keyword: 6,
}

type PhoneCandidate = Candidate & { moE164?: string }

/**
 * Keep one candidate per overlapping stretch: walking by start, a candidate that overlaps the
 * last kept one replaces it only when its type has priority (or, same type, it is longer).
 */
function resolveOverlaps(cands: PhoneCandidate[]): PhoneCandidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: PhoneCandidate[] = []
  for (const c of cands) {
    const last = kept[kept.length - 1]
    if (!last || c.start >= last.end) {
      kept.push(c)
      continue
    }
    const better =
      PRIORITY[c.type] < PRIORITY[last.type] || (c.type === last.type && c.end - c.start > last.end - last.start)
    if (better) kept[kept.length - 1] = c
  }
  return kept
}

/**
 * Scan `text` for sensitive data. JSON escapes are decoded first (`\u8eab\u4efd\u8b49` reads
 * 身份證, also in escaped JSON inside JSON or a CSV cell), and the text is folded so full-width
 * forms and every kind of space, dash and bracket read alike (`Ａ１２３４５６【３】` is found like
 * `A123456(3)`). Then one pass per detector family, one pass for context words, overlaps are
 * resolved and each finding is masked (from the decoded value). Offsets index `text` itself.
 *
 * @example
 * scanText('身份證 A123456(3)')
 * // [{ type: 'hk_id', start: 4, end: 14, confidence: 0.95, masked: 'A123***(*)', context: true }]
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const want = new Set<SensitiveType>(options.types ?? SENSITIVE_TYPES)
  const window = options.contextWindow ?? DEFAULT_CONTEXT_WINDOW
  const minConfidence = options.minConfidence ?? 0
  const decoded = decodeEscapes(text)
  const folded = foldForScan(decoded.text)
  const cands: PhoneCandidate[] = []
  if (want.has('hk_id')) detectHkIds(folded, cands)
  if (want.has('mo_id')) detectMoIds(folded, cands)
  if (want.has('cn_id')) detectCnIds(folded, cands)
  if (want.has('credit_card')) detectCards(folded, cands)
  if (want.has('phone')) detectPhones(folded, cands)
  if (want.has('email')) detectEmails(folded, cands)
  if (want.has('keyword')) detectKeywords(folded, cands)
  if (cands.length === 0) return []
  const context = indexContext(folded)
  const kept: Array<{ c: PhoneCandidate; near: boolean; region: Finding['region']; e164: string | undefined }> = []
  // A value found with a context word anywhere is that kind of value everywhere it appears.
  const valueHasContext = new Set<string>()
  for (const c of resolveOverlaps(cands)) {
    let near = false
    let region = c.region
    let e164 = c.e164
    if (c.type !== 'keyword') {
      near = c.needsContext
        ? hasContext(context, c.type, c.start, c.end, BARE_PHONE_WINDOW, 0)
        : hasContext(context, c.type, c.start, c.end, window, window)
      if (c.needsContext && !near) continue
      if (c.moE164 && hasContext(context, 'macau', c.start, c.end, window, window)) {
        region = 'MO'
        e164 = c.moE164
      }
      if (near) valueHasContext.add(valueKey(c, folded))
    }
    kept.push({ c, near, region, e164 })
  }
  const findings: Finding[] = []
  for (const { c, near, region, e164 } of kept) {
    const confidence = findingConfidence(c.base, c.type !== 'keyword' && valueHasContext.has(valueKey(c, folded)))
    if (confidence < minConfidence) continue
    const finding: Finding = {
      type: c.type,
      start: decoded.sourceStart(c.start),
      end: decoded.sourceEnd(c.end),
      confidence,
      masked: maskValue(c.type, decoded.text.slice(c.start, c.end)),
      context: near,
    }
    if (c.category) finding.category = c.category
    if (e164) finding.e164 = e164
    if (region) finding.region = region
    findings.push(finding)
  }
  return findings
}

/** One value however it is written (`A123456(3)`, `a 123456-3`): its type and its letters and digits. */
function valueKey(c: Candidate, folded: string): string {
  return `${c.type}:${folded
    .slice(c.start, c.end)
    .replace(/[^0-9a-z]/gi, '')
    .toUpperCase()}`
}

/**
 * The one confidence of a finding, wherever it is shown or exported: the detector's evidence
 * (`base`: a checked ID's shape) raised when a context word stands near the value (near any of
 * its occurrences in the text), capped at 0.99.
 */
export function findingConfidence(base: number, context: boolean): number {
  return Math.min(0.99, Math.round((base + (context ? CONTEXT_BONUS : 0)) * 100) / 100)
}

/** A confidence (0..1) as the whole percentage people read: 0.95 → 95. */
export function confidencePercent(confidence: number): number {
  return Math.round(confidence * 100)
}

/**
 * `text` with every personal-data finding replaced by its masked form, for names and notes
 * that leave the device (`報告_A123456(3).docx` → `報告_A123***(*).docx`).
 */
export function redactText(text: string): string {
  const found = scanText(text, { types: ['hk_id', 'mo_id', 'cn_id', 'credit_card', 'phone', 'email'] })
  let out = ''
  let at = 0
  for (const f of found) {
    out += text.slice(at, f.start) + f.masked
    at = f.end
  }
  return out + text.slice(at)
}
