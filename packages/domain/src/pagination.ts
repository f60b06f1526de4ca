import { z } from 'zod'

/** Query of a paged list: `limit` items after the opaque `cursor`. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
})
export type PageQuery = z.infer<typeof PageQuery>

/** A page of `item`s; `nextCursor` is null on the last page. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().nonnegative().optional(),
  })
}
export type Page<T> = { items: T[]; nextCursor: string | null; total?: number }

/** Cursor helpers: the cursor is base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown): string {
  const json = JSON.stringify(key)
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** Inverse of {@link encodeCursor}; returns null for anything malformed. */
export function decodeCursor(cursor: string): unknown {
  try {
    const b64 = cursor.replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return null
  }
}
