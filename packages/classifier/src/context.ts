import { CONTEXT_WORDS, wordKey, wordsRegex, type ContextTarget } from './words'

const TARGETS_OF = new Map<string, ContextTarget[]>()
for (const [target, words] of Object.entries(CONTEXT_WORDS) as Array<[ContextTarget, readonly string[]]>) {
  for (const w of words) {
    const k = wordKey(w)
    TARGETS_OF.set(k, [...(TARGETS_OF.get(k) ?? []), target])
  }
}
const CONTEXT = wordsRegex(TARGETS_OF.keys())

/** Where the context words of each target sit: parallel sorted arrays of starts and ends. */
export type ContextIndex = Record<ContextTarget, { starts: number[]; ends: number[] }>

/** Find every context word in one pass over the (width-folded) text. */
export function indexContext(folded: string): ContextIndex {
  const index = {} as ContextIndex
  for (const t of Object.keys(CONTEXT_WORDS) as ContextTarget[]) index[t] = { starts: [], ends: [] }
  CONTEXT.lastIndex = 0
  for (let m = CONTEXT.exec(folded); m; m = CONTEXT.exec(folded)) {
    for (const t of TARGETS_OF.get(wordKey(m[0])) ?? []) {
      index[t].starts.push(m.index)
      index[t].ends.push(m.index + m[0].length)
    }
  }
  return index
}

/**
 * True when a context word of `target` lies within `before` characters before [start, end)
 * or `after` characters after it.
 */
export function hasContext(
  index: ContextIndex,
  target: ContextTarget,
  start: number,
  end: number,
  before: number,
  after: number,
): boolean {
  const { starts, ends } = index[target]
  // First word that ends at or after start - before (ends are sorted: matches never overlap).
  let lo = 0
  let hi = ends.length
  const from = start - before
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ends[mid]! < from) lo = mid + 1
    else hi = mid
  }
  return lo < starts.length && starts[lo]! <= end + after
}
