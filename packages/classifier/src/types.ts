import type { KeywordCategory, SensitiveType } from '@suite/domain'

export type { KeywordCategory, SensitiveType } from '@suite/domain'

/**
 * One thing the engine found. `start`/`end` are UTF-16 indices (JavaScript string indices)
 * into the scanned text, `end` exclusive, so `text.slice(start, end)` is the raw value as
 * written, JSON escapes included (`A123456\uff083\uff09` in an exported JSON file).
 */
export interface Finding {
  type: SensitiveType
  start: number
  end: number
  /** 0..1: how sure the engine is; context words nearby raise it. */
  confidence: number
  /** The value as it may be shown, escapes decoded: `A123***(*)`. Keywords are shown as written. */
  masked: string
  /** Only for `keyword`. */
  category?: KeywordCategory
  /** Only for `phone`: the number in E.164 (`+85291234567`). Raw data: keep it on the device. */
  e164?: string
  /** Only for `phone`: the region the number belongs to (HK, MO, CN). */
  region?: 'HK' | 'MO' | 'CN'
  /** True when a context word of this type was found within the context window. */
  context: boolean
}

/** A candidate a detector accepted, before context and masking are applied. */
export interface Candidate {
  type: SensitiveType
  start: number
  end: number
  /** Confidence without context. */
  base: number
  category?: KeywordCategory
  e164?: string
  region?: 'HK' | 'MO' | 'CN'
  /** A candidate that only counts when a context word is near (bare 8-digit phone numbers). */
  needsContext?: boolean
}

/** Options of {@link scanText}. */
export interface ScanOptions {
  /** Which types to look for; all by default. */
  types?: readonly SensitiveType[]
  /** Characters either side searched for context words; 300 by default. */
  contextWindow?: number
  /** Findings below this confidence are dropped; 0 by default. */
  minConfidence?: number
}
