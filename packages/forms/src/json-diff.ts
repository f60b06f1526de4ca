/** One difference between two JSON documents. */
export interface JsonChange {
  op: 'add' | 'remove' | 'change' | 'move'
  /**
   * Where, as a readable path: object keys joined by `.`, array items as `[3]`, or, in arrays
   * of items with a unique `name` / `key` / `id` / `value`, as `[name=email]`.
   */
  path: string
  before?: unknown
  after?: unknown
  /** For `move`: the item's index before and after. */
  from?: number
  to?: number
}

const IDENTITY_KEYS = ['name', 'key', 'id', 'value'] as const

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The key that identifies every item of both arrays uniquely, if there is one. */
function identityKey(a: unknown[], b: unknown[]): string | null {
  const all = [...a, ...b]
  if (!all.length || !all.every(isObject)) return null
  for (const k of IDENTITY_KEYS) {
    const unique = (list: unknown[]) => {
      const ids = list.map((x) => (x as Record<string, unknown>)[k])
      return ids.every((id) => typeof id === 'string' || typeof id === 'number') && new Set(ids).size === ids.length
    }
    if (unique(a) && unique(b)) return k
  }
  return null
}

const join = (base: string, key: string) => (base ? `${base}.${key}` : key)

function walk(a: unknown, b: unknown, path: string, out: JsonChange[]): void {
  if (Object.is(a, b)) return
  if (Array.isArray(a) && Array.isArray(b)) {
    const id = identityKey(a, b)
    if (id) {
      const keyOf = (x: unknown) => String((x as Record<string, unknown>)[id])
      const beforeIdx = new Map(a.map((x, i) => [keyOf(x), i]))
      const afterIdx = new Map(b.map((x, i) => [keyOf(x), i]))
      const kept = a.map(keyOf).filter((k) => afterIdx.has(k))
      const keptAfter = b.map(keyOf).filter((k) => beforeIdx.has(k))
      for (const [k, i] of beforeIdx)
        if (!afterIdx.has(k)) out.push({ op: 'remove', path: `${path}[${id}=${k}]`, before: a[i] })
      for (const [k, i] of afterIdx) {
        const at = `${path}[${id}=${k}]`
        const j = beforeIdx.get(k)
        if (j === undefined) {
          out.push({ op: 'add', path: at, after: b[i] })
          continue
        }
        // A move is reported when the item's place among the items both sides share changed.
        if (kept.indexOf(k) !== keptAfter.indexOf(k)) out.push({ op: 'move', path: at, from: j, to: i })
        walk(a[j], b[i], at, out)
      }
      return
    }
    const n = Math.max(a.length, b.length)
    for (let i = 0; i < n; i++) {
      const at = `${path}[${i}]`
      if (i >= a.length) out.push({ op: 'add', path: at, after: b[i] })
      else if (i >= b.length) out.push({ op: 'remove', path: at, before: a[i] })
      else walk(a[i], b[i], at, out)
    }
    return
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    for (const k of keys) {
      const at = join(path, k)
      if (!(k in b) || b[k] === undefined) {
        if (a[k] !== undefined) out.push({ op: 'remove', path: at, before: a[k] })
      } else if (!(k in a) || a[k] === undefined) out.push({ op: 'add', path: at, after: b[k] })
      else walk(a[k], b[k], at, out)
    }
    return
  }
  out.push({ op: 'change', path: path || '(root)', before: a, after: b })
}

/**
 * Structural diff of two JSON values (the running version of a document and its draft).
 * Object keys are compared regardless of order; arrays of identified items (form fields by
 * `name`, options by `value`) are matched by identity, so reordering shows as `move` rather
 * than as a change of every later item.
 */
export function diffJson(before: unknown, after: unknown): JsonChange[] {
  const out: JsonChange[] = []
  walk(before, after, '', out)
  return out
}
