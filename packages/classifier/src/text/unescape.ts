/**
 * JSON string escapes (`\u8eab`, `\n`, `\"`, `\\`, `\/`, surrogate pairs `\ud83d\ude00`),
 * decoded wherever they occur, with a map back to the source's indices. Most tools export
 * JSON with every non-ASCII character escaped, so `"\u8eab\u4efd\u8b49\uff1aA123456(3)"`
 * must read `"身份證：A123456(3)"` before it is scanned, and a finding in the decoded text
 * must still point at the characters of the file.
 */

/** A decoded text and how its indices map back to the text it was decoded from. */
export interface DecodedText {
  /** The decoded text. */
  text: string
  /** Index in the source where the decoded character at `index` starts. */
  sourceStart(index: number): number
  /** Index in the source just after the decoded character at `end - 1` (an exclusive end). */
  sourceEnd(end: number): number
}

const ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g
const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
const IDENTITY = (i: number): number => i

/** One round of decoding: every escape becomes one UTF-16 unit. */
function decodeOnce(source: string): DecodedText | null {
  ESCAPE.lastIndex = 0
  // Decoded index of each escape, where it starts in the source, and its length there.
  const at: number[] = []
  const from: number[] = []
  const length: number[] = []
  let out = ''
  let copied = 0
  for (let m = ESCAPE.exec(source); m; m = ESCAPE.exec(source)) {
    out += source.slice(copied, m.index)
    at.push(out.length)
    from.push(m.index)
    length.push(m[0].length)
    out += m[1] !== undefined ? String.fromCharCode(parseInt(m[1], 16)) : SIMPLE[m[2]!]!
    copied = m.index + m[0].length
  }
  if (at.length === 0) return null
  out += source.slice(copied)
  /** The last escape at or before decoded index `i`, or -1. */
  const lastEscape = (i: number): number => {
    let lo = 0
    let hi = at.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (at[mid]! <= i) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }
  const sourceStart = (i: number): number => {
    const k = lastEscape(i)
    if (k < 0) return i
    return at[k] === i ? from[k]! : from[k]! + length[k]! + (i - at[k]! - 1)
  }
  const sourceEnd = (end: number): number => {
    if (end <= 0) return 0
    const k = lastEscape(end - 1)
    return k >= 0 && at[k] === end - 1 ? from[k]! + length[k]! : sourceStart(end - 1) + 1
  }
  return { text: out, sourceStart, sourceEnd }
}

/** Text with no escapes at all: the usual case, checked without building anything. */
const MAY_HAVE_ESCAPES = /\\[u"\\/bfnrt]/

/**
 * Decode JSON string escapes in `source`, repeatedly (up to `rounds` times) so escaped JSON
 * inside a JSON string or a CSV cell (`\\u8eab`) is read too. A backslash that starts no
 * escape is kept. Text without escapes comes back as it is, with identity maps.
 *
 * @example
 * const d = decodeEscapes('"\\uff08A123456\\uff09"')
 * d.text // '"（A123456）"'
 * d.sourceStart(2) // 7: the `A` in the source
 */
export function decodeEscapes(source: string, rounds = 3): DecodedText {
  let result: DecodedText = { text: source, sourceStart: IDENTITY, sourceEnd: IDENTITY }
  if (!MAY_HAVE_ESCAPES.test(source)) return result
  for (let r = 0; r < rounds; r++) {
    const next = decodeOnce(result.text)
    if (!next) break
    const outer = result
    result = {
      text: next.text,
      sourceStart: (i) => outer.sourceStart(next.sourceStart(i)),
      sourceEnd: (e) => outer.sourceEnd(next.sourceEnd(e)),
    }
    if (!MAY_HAVE_ESCAPES.test(next.text)) break
  }
  return result
}
