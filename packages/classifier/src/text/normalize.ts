/**
 * Fold full-width forms to ASCII without changing the string's length, so every index of the
 * folded text is the same index in the original. `Ａ１２３４５６（３）` becomes `A123456(3)`,
 * the ideographic space a plain space; everything else is kept.
 */
export function foldWidth(text: string): string {
  // Fast path: most text has no full-width forms at all.
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0)
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0)
  })
}

/** Characters {@link foldForScan} rewrites (besides the full-width forms), by what they become. */
const SCAN_FOLDS: ReadonlyArray<[string, string]> = [
  // No-break, thin, figure, ideographic and zero-width spaces, the BOM.
  [
    ' ',
    '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u2060\u3000\ufeff',
  ],
  // Hyphens, dashes and minus signs.
  ['-', '\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d'],
  // Middle dots and dot leaders.
  ['.', '\u00b7\u2024\u2027\u30fb\uff0e\uff65'],
  // Opening and closing brackets of every kind, ASCII and CJK.
  [
    '(',
    '[{\u2985\u27e6\u27e8\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b\uff5f\uff62',
  ],
  [
    ')',
    ']}\u2986\u27e7\u27e9\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\ufe5a\ufe5c\ufe5e\uff09\uff3d\uff5d\uff60\uff63',
  ],
]
/** What each UTF-16 unit folds to (itself for most). */
const FOLD = new Uint16Array(0x10000).map((_, i) => i)
for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0
for (const [to, chars] of SCAN_FOLDS) for (const ch of chars) FOLD[ch.charCodeAt(0)] = to.charCodeAt(0)
const escapeClass = (s: string): string => s.replace(/[\\\]^-]/g, '\\$&')
const SCAN_FOLDABLE = new RegExp(`[\\uFF01-\\uFF5E${escapeClass(SCAN_FOLDS.map(([, chars]) => chars).join(''))}]`)

/**
 * What the detectors read: {@link foldWidth}, and then every kind of space, dash, dot and
 * bracket folded to one ASCII form (` `, `-`, `.`, `(` `)`), still one UTF-16 unit for one,
 * so indices stay those of the original. `A123456【3】`, `A123456[3]` and `A123456（3）` all
 * read `A123456(3)`; `+852 9123–4567` reads `+852 9123-4567`.
 */
export function foldForScan(text: string): string {
  if (!SCAN_FOLDABLE.test(text)) return text
  const parts: string[] = []
  let copied = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const f = FOLD[c]!
    if (f === c) continue
    if (i > copied) parts.push(text.slice(copied, i))
    parts.push(String.fromCharCode(f))
    copied = i + 1
  }
  parts.push(text.slice(copied))
  return parts.join('')
}

/** ASCII digit code point test. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57
}
