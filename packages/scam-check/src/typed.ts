import { parse as parseDomain } from 'tldts'
import type { MarkedHost } from './marks'
import type { Reason } from './reasons'

/**
 * What kind of character a marked one is, so the reader can be told in words which character
 * stands where (`capital I in place of small l`, `Cyrillic а in place of small a`).
 */
export type CharClass =
  | 'latin_capital'
  | 'latin_small'
  /** A Latin letter with a mark that vanishes at small sizes (`ł`, `ı`, `ạ`). */
  | 'latin_marked'
  | 'digit'
  | 'cyrillic'
  | 'greek'
  /** A full-width form (`Ｉ`), as East Asian keyboards type it. */
  | 'fullwidth'
  /** Two letters read as one (`rn` as `m`, `cl` as `d`). */
  | 'letter_pair'
  | 'symbol'
  /** A whole `xn--` label: `looksLike` is what it decodes to. */
  | 'punycode'

/** One deceptive character (or pair, or `xn--` label) of a text that is shown. */
export interface CharMark {
  /** Which text the offsets are in: the one as typed, or the one with punycode decoded. */
  line: 'typed' | 'decoded'
  /** UTF-16 offsets, `end` exclusive. */
  start: number
  end: number
  text: string
  /** The letter a reader takes it for (what a `xn--` label decodes to); absent for a foreign letter imitating none. */
  looksLike?: string
  charClass: CharClass
}

/** A text as it is shown, with its deceptive characters located. */
export interface MarkedText {
  text: string
  marks: CharMark[]
}

/** The class of a marked character. */
export function charClassOf(text: string): CharClass {
  if (Array.from(text).length > 1) return 'letter_pair'
  if (/[\uff01-\uff5e]/.test(text)) return 'fullwidth'
  if (/\p{Script=Cyrillic}/u.test(text)) return 'cyrillic'
  if (/\p{Script=Greek}/u.test(text)) return 'greek'
  if (/^[0-9]$/.test(text)) return 'digit'
  if (/^[A-Z]$/.test(text)) return 'latin_capital'
  if (/^[a-z]$/.test(text)) return 'latin_small'
  if (/\p{Script=Latin}/u.test(text)) return 'latin_marked'
  return 'symbol'
}

/** Where the host as typed starts in the text as typed (after a scheme and any `name@`), or -1. */
export function hostOffset(typed: string, typedHost: string): number {
  if (!typedHost) return -1
  const scheme = /^[a-z][a-z0-9+.-]*:(?:\/\/)?/i.exec(typed)?.[0].length ?? 0
  const rest = typed.slice(scheme).search(/[/?#]/)
  const authorityEnd = rest < 0 ? typed.length : scheme + rest
  const at = typed.lastIndexOf('@', authorityEnd)
  return typed.indexOf(typedHost, at >= scheme ? at + 1 : scheme)
}

/** Which labels of a host a finding is about (`[from, to)`, in label numbers), by its code. */
function labelsOf(code: Reason['code'], labelIndex: number): [number, number] | null {
  switch (code) {
    case 'official_name_in_subdomain':
      return [0, labelIndex]
    case 'homoglyph':
    case 'lookalike':
    case 'official_name_embedded':
      return [labelIndex, labelIndex + 1]
    case 'brand_split':
    case 'brand_alias':
      return [0, labelIndex + 1]
    default:
      return null
  }
}

/**
 * The typed text and, when it holds `xn--` labels, the decoded text, with the deceptive characters
 * of the host located in them; and each finding about the host given what is true of this input:
 * the host and registrable domain as typed (case kept, punycode decoded), the protected name it
 * imitates, the part that imitates it, and the characters that differ.
 */
export function markTyped(
  typed: string,
  typedHost: string,
  host: MarkedHost,
  publicSuffix: string | null,
  reasons: readonly Reason[],
): { typed: MarkedText; decoded: MarkedText | null; reasons: Reason[] } {
  const at = hostOffset(typed, typedHost)
  if (at < 0) return { typed: { text: typed, marks: [] }, decoded: null, reasons: [...reasons] }
  const line: CharMark['line'] = host.punycode.length ? 'decoded' : 'typed'
  const hostMarks: CharMark[] = host.marks.map((m) => ({
    line,
    start: at + m.start,
    end: at + m.end,
    text: m.text,
    ...(m.looksLike ? { looksLike: m.looksLike } : {}),
    charClass: charClassOf(m.text),
  }))
  const punycodeMarks: CharMark[] = host.punycode.map((p) => ({
    line: 'typed',
    start: at + p.typedStart,
    end: at + p.typedEnd,
    text: typed.slice(at + p.typedStart, at + p.typedEnd),
    looksLike: host.shown.slice(p.shownStart, p.shownEnd),
    charClass: 'punycode',
  }))
  const decoded = host.punycode.length
    ? { text: typed.slice(0, at) + host.shown + typed.slice(at + typedHost.length), marks: hostMarks }
    : null
  const typedLine: MarkedText = { text: typed, marks: decoded ? punycodeMarks : hostMarks }

  // The labels of the shown host, with where each starts.
  const labels: { start: number; text: string }[] = []
  let pos = 0
  for (const piece of host.shown.split(/([.。．｡])/)) {
    if (piece && !/^[.。．｡]$/.test(piece)) labels.push({ start: pos, text: piece })
    pos += piece.length
  }
  const suffixLabels = publicSuffix ? publicSuffix.split('.').length : 1
  const labelIndex = labels.length - suffixLabels - 1
  const domain = labelIndex >= 0 ? host.shown.slice(labels[labelIndex]!.start) : host.shown
  const inSpan = (from: number, to: number) => hostMarks.filter((m) => m.start >= at + from && m.end <= at + to)
  const out = reasons.map((r): Reason => {
    if (r.code === 'punycode') return { ...r, host: host.shown, marks: [...punycodeMarks, ...hostMarks] }
    if (r.code === 'mixed_script')
      return {
        ...r,
        host: host.shown,
        marks: hostMarks.filter((m) => m.charClass === 'cyrillic' || m.charClass === 'greek'),
      }
    const span = r.target && labelIndex >= 0 ? labelsOf(r.code, labelIndex) : null
    if (!span || span[1] <= span[0]) return r
    const from = labels[span[0]]!.start
    const last = labels[span[1] - 1]!
    const to = last.start + last.text.length
    return {
      ...r,
      host: host.shown,
      domain,
      name: parseDomain(r.target!).domainWithoutSuffix ?? r.target!,
      imitation: host.shown.slice(from, to),
      marks: inSpan(from, to),
    }
  })
  return { typed: typedLine, decoded, reasons: out }
}
