import type { IdentifierKind } from '../identifier'

/**
 * What a labelled identifier is: `lookalike` (typo-squat, homoglyph, punycode, the name in extra
 * labels), `impersonation` (the brand split, renamed or claimed), `shortener` (a link that hides
 * its destination), `disguised` (raw or obfuscated IP host, credentials before the host): all
 * must be flagged. `legit` must come out `no_record` or `official`.
 */
export type Label = 'lookalike' | 'impersonation' | 'shortener' | 'disguised' | 'legit'

/** One hand-written case of the labelled list. */
export interface LabelledIdentifier {
  /** The kind staff would pick (the form guesses it from the text). */
  kind: IdentifierKind
  text: string
  label: Label
  /** Why it is labelled so. */
  note: string
  /** The contact claimed to be DingTalk customer service. */
  claimsDingTalk?: boolean
}

/** A row: kind, text, note, and `'claims'` when the contact claimed to be DingTalk support. */
export type Row = readonly [IdentifierKind, string, string, 'claims'?]

/** Rows of one label as labelled identifiers. */
export function rows(label: Label, list: readonly Row[]): LabelledIdentifier[] {
  return list.map(([kind, text, note, claims]) => ({
    kind,
    text,
    label,
    note,
    ...(claims ? { claimsDingTalk: true } : {}),
  }))
}
