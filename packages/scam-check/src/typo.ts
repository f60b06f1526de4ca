import { editDistance } from './edit-distance'

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const OFFSET = [0, 0.5, 0.75, 1.25]
const KEY = new Map<string, [number, number]>()
ROWS.forEach((row, r) => Array.from(row).forEach((ch, c) => KEY.set(ch, [r, c + OFFSET[r]!])))

/** Neighbouring keys on a QWERTY keyboard (a slipped finger). */
function adjacentKeys(a: string, b: string): boolean {
  const p = KEY.get(a)
  const q = KEY.get(b)
  return Boolean(p && q && a !== b && Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1)
}

/** ASCII characters a reader takes for one another at a glance. */
const LOOK_ALIKE = ['il1j|', 'o0', 'uv', 'nm', 'ce', 'gq9', 's5', 'z2', 'b6']
const looksAlike = (a: string, b: string) => a !== b && LOOK_ALIKE.some((g) => g.includes(a) && g.includes(b))

/**
 * Every text one "easy to miss" edit away from `s`, towards `target`: a letter dropped, a letter
 * doubled or slipped in from a neighbouring key removed, a separator removed, two letters
 * swapped, or a letter replaced by a neighbouring key or a look-alike.
 */
function easyEdits(s: string, target: string): string[] {
  const out: string[] = []
  const chars = Array.from(new Set(target))
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    const prev = s[i - 1] ?? ''
    const next = s[i + 1] ?? ''
    // Undo an inserted character: a doubled letter, a separator, a slip onto a neighbouring key.
    if (c === prev || c === next || c === '-' || c === '.' || adjacentKeys(c, prev) || adjacentKeys(c, next))
      out.push(s.slice(0, i) + s.slice(i + 1))
    if (i + 1 < s.length) out.push(s.slice(0, i) + next + c + s.slice(i + 2))
    for (const t of chars) if (adjacentKeys(c, t) || looksAlike(c, t)) out.push(s.slice(0, i) + t + s.slice(i + 1))
  }
  // Undo a dropped character.
  for (let i = 0; i <= s.length; i++) for (const t of chars) out.push(s.slice(0, i) + t + s.slice(i))
  return out
}

/**
 * True when `label` is a plausible misreading or mistyping of `target`: at most one edit of any
 * kind, or, for names of 8 or more characters, two edits that are both easy to miss (see
 * {@link easyEdits}). Ordinary names two letters away (`alison` and `aliyun`, `hongtalk` and
 * `dingtalk`) are not.
 */
export function isNearMiss(label: string, target: string): boolean {
  if (label === target) return false
  const d = editDistance(label, target, 2)
  if (d <= 1) return true
  if (d > 2 || target.length < 8) return false
  return easyEdits(label, target).some(
    (v) => v === target || (editDistance(v, target, 1) === 1 && easyEdits(v, target).includes(target)),
  )
}
