import { createHash, randomBytes } from 'node:crypto'

/** A new opaque id with a readable prefix (`rep_…`, `ch_…`). */
export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`

/** JSON with object keys sorted, so equal content hashes equally whatever the key order. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v)
}

/** SHA-256 hex of the stable JSON of `v`. */
export const hashOf = (v: unknown) => createHash('sha256').update(stableJson(v)).digest('hex')
