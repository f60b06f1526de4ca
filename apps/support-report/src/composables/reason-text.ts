import type { CheckMark, CheckReason } from '@suite/domain'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Findings about a host that carry what is true of the input (host, domain, the imitation, its marks). */
const HOST_FINDINGS = new Set([
  'punycode',
  'mixed_script',
  'homoglyph',
  'lookalike',
  'official_name_in_subdomain',
  'official_name_embedded',
  'brand_split',
  'brand_alias',
])

/** A character said in words: `capital I`, `Cyrillic letter а`, `大楷「I」`. */
export function charName(t: Translate, text: string, charClass: string): string {
  return t(`check.chars.${charClass}`, { c: text })
}

/** One line of the legend of a mark: `capital I in place of small l`, `xn--… is the code for dingtаlk`. */
export function markLegend(t: Translate, m: Pick<CheckMark, 'text' | 'looksLike' | 'charClass'>): string {
  if (m.charClass === 'punycode') return t('check.legend.punycode', { text: m.text, decoded: m.looksLike ?? '' })
  const char = charName(t, m.text, m.charClass)
  if (!m.looksLike) return t('check.legend.foreign', { char })
  return t('check.legend.inPlaceOf', { char, target: charName(t, m.looksLike, 'latin_small') })
}

/** Each kind of stand-in once (`d1ngd1ng` has two 1s standing for i: one line). */
export function distinctMarks<M extends Pick<CheckMark, 'text' | 'looksLike' | 'charClass'>>(marks: readonly M[]): M[] {
  return [...new Map(marks.map((m) => [`${m.charClass}:${m.text}>${m.looksLike ?? ''}`, m])).values()]
}

/**
 * A finding in the reader's language, saying only what is true of this input: the real site,
 * the name imitated and the characters that differ, as the check located them. Findings stored
 * before the check said all that are told with the older, shorter sentence.
 */
export function reasonText(t: Translate, r: CheckReason): string {
  const params = { target: r.target ?? '', detail: r.detail ?? '' }
  if (!HOST_FINDINGS.has(r.code) || r.host === undefined) return t(`check.reasons.${r.code}`, params)
  const sentence = t(`check.found.${r.code}`, {
    ...params,
    host: r.host,
    domain: r.domain ?? r.host,
    name: r.name ?? r.target ?? '',
    imitation: r.imitation ?? r.host,
  })
  const marks = distinctMarks((r.marks ?? []).filter((m) => m.charClass !== 'punycode'))
  if (!marks.length) return sentence
  const chars = marks.map((m) => markLegend(t, m)).join(t('check.legend.separator'))
  return `${sentence}${t('check.legend.differs', { chars })}`
}
