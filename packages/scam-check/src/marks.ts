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

/** A deceptive character (or pair) of a host, by its place in the host as shown (punycode decoded). */
export interface HostMark {
  start: number
  end: number
  text: string
  /** The letter a reader takes it for; absent for a letter of another alphabet that imitates none. */
  looksLike?: string
}

/** A `xn--` label of the typed host: where it is as typed and where its decoded form is in the shown host. */
export interface PunycodeLabel {
  typedStart: number
  typedEnd: number
  shownStart: number
  shownEnd: number
}

/** The typed host read for display: decoded, with its deceptive characters and `xn--` labels located. */
export interface MarkedHost {
  /** The host as typed with `xn--` labels decoded (capitals and separators kept). */
  shown: string
  marks: HostMark[]
  punycode: PunycodeLabel[]
}

const isForeignLetter = (ch: string) => /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(ch)

/**
 * The host as typed, read the way {@link markDeceptive} reads it, with positions: the deceptive
 * characters (stand-ins inside an imitated name, letters of another script passing for Latin,
 * every Cyrillic or Greek letter of a label that mixes scripts) and the `xn--` labels.
 *
 * @param names protected names as read ({@link skeleton}: `dingtalk`, `chanwong-law`, `dingding`)
 */
export function markHost(typedHost: string, names: readonly string[]): MarkedHost {
  const folded = names.map((n) => [n, loose(n)] as const)
  const marks: HostMark[] = []
  const punycode: PunycodeLabel[] = []
  let shown = ''
  let typedAt = 0
  for (const piece of typedHost.split(/([.。．｡])/)) {
    const isLabel = piece && !/^[.。．｡]$/.test(piece)
    const label = isLabel && /^xn--/i.test(piece) ? toUnicodeHost(piece.toLowerCase()) : piece
    if (isLabel && label !== piece)
      punycode.push({
        typedStart: typedAt,
        typedEnd: typedAt + piece.length,
        shownStart: shown.length,
        shownEnd: shown.length + label.length,
      })
    if (isLabel) {
      const chars = Array.from(label)
      const units = readLabel(chars)
      const deceptive = deceptiveUnits(chars, units, folded)
      const mixed = mixesScripts(label)
      let at = shown.length
      for (const u of units) {
        const text = chars.slice(u.from, u.to).join('')
        const looksLike = deceptive.get(u.from)
        if (looksLike) marks.push({ start: at, end: at + text.length, text, looksLike })
        else if (mixed && isForeignLetter(text)) marks.push({ start: at, end: at + text.length, text })
        at += text.length
      }
    }
    shown += label
    typedAt += piece.length
  }
  return { shown, marks, punycode }
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
  const { shown, marks } = markHost(typedHost, names)
  const lookalikes = marks.filter((m) => m.looksLike)
  if (!lookalikes.length) return null
  const parts: MarkedPart[] = []
  let at = 0
  for (const m of lookalikes) {
    if (m.start > at) parts.push({ text: shown.slice(at, m.start) })
    parts.push({ text: m.text, looksLike: m.looksLike! })
    at = m.end
  }
  if (at < shown.length) parts.push({ text: shown.slice(at) })
  return parts
}
