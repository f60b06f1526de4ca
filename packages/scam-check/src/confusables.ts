/**
 * Characters that pass for Latin letters in a domain name, and the letter they pass for:
 * Cyrillic and Greek lookalikes (the IDN homograph attack), plus the ASCII swaps scammers use
 * where a font makes them ambiguous (`I`/`l`, `1`/`l`, `0`/`o`). A pragmatic subset of
 * Unicode's confusables table, covering what appears in the brand names we protect.
 */
const SINGLE: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ѕ: 's',
  ӏ: 'l',
  ɡ: 'g',
  А: 'a',
  В: 'b',
  Е: 'e',
  К: 'k',
  М: 'm',
  Н: 'h',
  О: 'o',
  Р: 'p',
  С: 'c',
  Т: 't',
  Х: 'x',
  І: 'l',
  Ј: 'j',
  Ѕ: 's',
  // Greek
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  τ: 't',
  κ: 'k',
  ι: 'i',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'l',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
  // ASCII swaps (before lower-casing: a capital I is drawn like a small l in most sans-serif fonts)
  I: 'l',
  '1': 'l',
  '|': 'l',
  '0': 'o',
  // Latin letters with marks that vanish at small sizes
  ı: 'i',
  ł: 'l',
  ḷ: 'l',
  ạ: 'a',
  ọ: 'o',
  ė: 'e',
  ɑ: 'a',
}
/** Letter pairs that read as one letter: `rn` as `m`, `vv` as `w`, `cl` as `d`. */
export const READS_AS_ONE: readonly (readonly [string, string])[] = [
  ['rn', 'm'],
  ['vv', 'w'],
  ['cl', 'd'],
]
const PAIRS: [RegExp, string][] = READS_AS_ONE.map(([pair, one]) => [new RegExp(pair, 'g'), one])

/** The letter `ch` passes for (`I` -> `l`, Cyrillic `а` -> `a`), if it is a known stand-in. */
export function standInFor(ch: string): string | undefined {
  return SINGLE[ch]
}

/**
 * The "skeleton" of a name: what a reader is likely to see. Two names with the same skeleton
 * are visually confusable. Call it on the text as typed, before any lower-casing, so that a
 * capital `I` standing in for `l` is caught.
 *
 * @example skeleton('dingtaIk') === skeleton('dingtalk') // true
 */
export function skeleton(name: string): string {
  let src = name.normalize('NFKC')
  // All capitals (DINGTALK.COM) is shouting, not disguise: only a capital I among small letters stands in for l.
  if (!/\p{Ll}/u.test(src)) src = src.toLowerCase()
  let out = ''
  for (const ch of src) out += SINGLE[ch] ?? ch
  out = out.toLowerCase()
  for (const [re, to] of PAIRS) out = out.replace(re, to)
  return out
}

/** Scripts a character belongs to, as far as lookalike letters are concerned. */
function scriptOf(ch: string): 'latin' | 'cyrillic' | 'greek' | 'other' {
  if (/\p{Script=Latin}/u.test(ch)) return 'latin'
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'cyrillic'
  if (/\p{Script=Greek}/u.test(ch)) return 'greek'
  return 'other'
}

/** True when one label mixes Latin with Cyrillic or Greek letters, the mark of a homograph. */
export function mixesScripts(label: string): boolean {
  const seen = new Set<string>()
  for (const ch of label) {
    const s = scriptOf(ch)
    if (s !== 'other') seen.add(s)
  }
  return seen.size > 1
}

/** True when the label holds any Cyrillic or Greek letter that has a Latin lookalike. */
export function hasLookalikeLetters(label: string): boolean {
  for (const ch of label) if (/[^\x00-\x7f]/.test(ch) && SINGLE[ch]) return true
  return false
}
