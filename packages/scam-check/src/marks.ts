import { mixesScripts, READS_AS_ONE, standInFor } from './confusables'
import { editDistance } from './edit-distance'
import { loose } from './names'
import { toUnicodeHost } from './url'

/** A piece of the host as typed; `looksLike` is set on a character (or pair) posing as another. */
export interface MarkedPart {
  text: string
  /** The letter a reader takes it for (`I` -> `l`, `rn` -> `m`, Cyrillic `а` -> `a`). */
  looksLike?: string
}

interface Unit {
  from: number
  to: number
  out: string
  standIn: boolean
}

/** The label read the way {@link skeleton} reads it, one unit per character or letter pair. */
function readLabel(chars: readonly string[]): Unit[] {
  const shouting = !chars.some((c) => /\p{Ll}/u.test(c))
  const outs = chars.map((ch) => {
    const base = (shouting ? ch.toLowerCase() : ch).normalize('NFKC')
    const sub = standInFor(base)
    return { out: (sub ?? base).toLowerCase(), standIn: sub !== undefined }
  })
  const units: Unit[] = []
  for (let i = 0; i < chars.length; i++) {
    const pair = READS_AS_ONE.find(([two]) => two === `${outs[i]!.out}${outs[i + 1]?.out ?? ''}`)
    if (pair) {
      units.push({ from: i, to: i + 2, out: pair[1], standIn: true })
      i++
    } else units.push({ from: i, to: i + 1, ...outs[i]! })
  }
  return units
}

/**
 * The deceptive units of one label, by where they start, with the letter each poses as: the
 * letter of the protected name it stands in (a `1` in `d1ngtalk` poses as `i`), else the one
 * it reads as.
 */
function deceptiveUnits(
  chars: readonly string[],
  units: readonly Unit[],
  names: readonly (readonly [string, string])[],
): Map<number, string> {
  const label = chars.join('')
  // Where each unit starts in the read text.
  const starts: number[] = []
  let pos = 0
  for (const u of units) {
    starts.push(pos)
    pos += u.out.length
  }
  const read = units
    .map((u) => u.out)
    .join('')
    .replace(/i/g, 'l')
  const posesAs = new Map<Unit, string>()
  for (const [name, folded] of names) {
    let found = false
    for (let i = read.indexOf(folded); i >= 0; i = read.indexOf(folded, i + 1)) {
      found = true
      units.forEach((u, j) => {
        const at = starts[j]! - i
        if (at >= 0 && at < folded.length && !posesAs.has(u)) posesAs.set(u, name.slice(at, at + u.out.length) || u.out)
      })
    }
    // A near miss of the whole name (`dingta1lk`): the whole label is the imitation.
    if (!found && editDistance(read, folded, 2) <= 2) units.forEach((u) => posesAs.has(u) || posesAs.set(u, u.out))
  }
  // Letters of another script passing for Latin ones deceive wherever they are, when the label mixes
  // scripts or reads as Latin throughout.
  const foreignDeceives = mixesScripts(label) || /^[\x00-\x7f]*$/.test(read)
  const out = new Map<number, string>()
  for (const u of units) {
    if (!u.standIn) continue
    const inName = posesAs.get(u)
    if (inName) out.set(u.from, inName)
    else if (foreignDeceives && /[^\x00-\x7f]/.test(chars.slice(u.from, u.to).join(''))) out.set(u.from, u.out)
  }
  return out
}

/**
 * The host exactly as typed (capitals kept, punycode decoded), cut into parts with the
 * characters that pose as others marked: the capital `I` or digit `1` in `dingtaIk`, the
 * Cyrillic `а` in `dingtаlk`. Lower-casing erases the `I`/`l` trick, so this is what a reader
 * should be shown. Null when nothing deceives.
 *
 * @param names protected names as read ({@link skeleton}: `dingtalk`, `chanwong-law`, `dingding`)
 * @example markDeceptive('dingtaIk.com', ['dingtalk']) // [{ text: 'dingta' }, { text: 'I', looksLike: 'l' }, { text: 'k.com' }]
 */
export function markDeceptive(typedHost: string, names: readonly string[]): MarkedPart[] | null {
  const parts: MarkedPart[] = []
  const plain = (text: string) => {
    const last = parts[parts.length - 1]
    if (last && !last.looksLike) last.text += text
    else if (text) parts.push({ text })
  }
  let marked = false
  const folded = names.map((n) => [n, loose(n)] as const)
  for (const piece of typedHost.split(/([.。．｡])/)) {
    if (!piece || /^[.。．｡]$/.test(piece)) {
      plain(piece)
      continue
    }
    const label = /^xn--/i.test(piece) ? toUnicodeHost(piece.toLowerCase()) : piece
    const chars = Array.from(label)
    const units = readLabel(chars)
    const deceptive = deceptiveUnits(chars, units, folded)
    for (const u of units) {
      const text = chars.slice(u.from, u.to).join('')
      const looksLike = deceptive.get(u.from)
      if (looksLike) {
        parts.push({ text, looksLike })
        marked = true
      } else plain(text)
    }
  }
  return marked ? parts : null
}
