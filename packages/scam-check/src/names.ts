import { skeleton } from './confusables'

/**
 * The form names are compared in: the {@link skeleton} with `i` folded into `l` as well, so a
 * small l standing for i (`dlngtalk`, `dlngdlng`) reads as the name.
 */
export function loose(name: string): string {
  return skeleton(name).replace(/i/g, 'l')
}

/** Words scammers glue to a brand: region codes, "official", "support", "kefu" (客服) and the like. */
const AFFIXES = [
  'hk',
  'mo',
  'cn',
  'tw',
  'sg',
  'my',
  'the',
  'new',
  'app',
  'vip',
  'web',
  'www',
  'get',
  'go',
  'pay',
  'mail',
  'user',
  'team',
  'staff',
  'admin',
  'help',
  'support',
  'service',
  'official',
  'login',
  'signin',
  'secure',
  'verify',
  'account',
  'online',
  'portal',
  'update',
  'auth',
  'sso',
  'global',
  'asia',
  'kefu',
  'kf',
  'cs',
  'gw',
  'guanwang',
].map(loose)

/**
 * A brand that starts like an English "-ing" ending (`ding…`) also ends ordinary words glued to
 * another (`coding`+`talk`, `wedding`+`talk`): after a vowel, l, n, r or its own first letter,
 * and no scam word, the hit is a coincidence.
 */
function ordinaryWordEnding(before: string, name: string): boolean {
  if (!/^[b-df-hj-np-tv-z]lng/.test(name)) return false
  const last = before[before.length - 1] ?? ''
  if (!/[aeioulnr]/.test(last) && last !== name[0]) return false
  return !AFFIXES.some((a) => before.endsWith(a))
}

/** How a name occurs in a text: `whole`, or `split` by hyphens or dots (`ding-talk`, `ding.talk`). */
export type NameHit = 'whole' | 'split'

/**
 * Find `name` in `text` (both in their {@link loose} form, `text` possibly several labels joined
 * by dots) where it stands as a name: at the start, after a separator or digit, or glued to a
 * scam word, but not as the tail of an ordinary word. Separators inside the name are ignored,
 * so `ding-talk-support` holds `dingtalk` split. Returns the best hit, or null.
 */
export function findName(text: string, name: string): NameHit | null {
  const isSep = (c: string) => c === '-' || c === '.' || c === '_'
  const flat = Array.from(name)
    .filter((c) => !isSep(c))
    .join('')
  const ownCuts = cutsOf(name)
  let squashed = ''
  const cutBefore: boolean[] = []
  let pending = false
  for (const c of text) {
    if (isSep(c)) {
      pending = true
      continue
    }
    // One flag per UTF-16 unit, so indexes match the string's.
    for (let u = 0; u < c.length; u++) cutBefore.push(u === 0 && pending && squashed.length > 0)
    squashed += c
    pending = false
  }
  if (!flat) return null
  let best: NameHit | null = null
  for (let i = squashed.indexOf(flat); i >= 0; i = squashed.indexOf(flat, i + 1)) {
    const prev = squashed[i - 1]
    const atBoundary = i === 0 || cutBefore[i] || !/\p{L}/u.test(prev ?? '')
    if (!atBoundary && ordinaryWordEnding(lettersBefore(squashed, cutBefore, i), flat)) continue
    const cuts = cutBefore
      .slice(i + 1, i + flat.length)
      .map((c, k) => (c ? k + 1 : -1))
      .filter((k) => k > 0)
    const split = cuts.join() !== ownCuts.join()
    if (!split) return 'whole'
    best = 'split'
  }
  return best
}

/** Offsets (in the name without separators) where the name itself has a separator. */
function cutsOf(name: string): number[] {
  const out: number[] = []
  let n = 0
  for (const c of name) {
    if (c === '-' || c === '.' || c === '_') {
      if (n > 0) out.push(n)
    } else n++
  }
  return out
}

/** The letters of the same word before position `i` (back to the last separator). */
function lettersBefore(s: string, cutBefore: boolean[], i: number): string {
  let j = i
  while (j > 0 && !cutBefore[j] && /\p{L}/u.test(s[j - 1]!)) j--
  return s.slice(j, i)
}
