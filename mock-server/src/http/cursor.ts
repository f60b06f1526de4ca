import { z } from 'zod'
import { decodeCursor } from '@suite/domain'
import { HttpError } from './errors'

/** The sort key of lists ordered by a time and an id: `[ISO time, id]`. */
export const TimeIdCursor = z.tuple([z.iso.datetime({ offset: true }), z.string().min(1).max(200)])
/** A decoded (time, id) cursor. */
export type TimeIdCursor = z.infer<typeof TimeIdCursor>
/** The sort key of lists ordered by id alone. */
export const IdCursor = z.string().min(1).max(200)
/** The sort key of the audit log: a sequence number. */
export const SeqCursor = z.number().int().nonnegative()

/**
 * The page cursor a client sent, decoded and checked against the list's sort key: null when
 * there is none, a 400 naming the field when it is not one this list handed out (never a
 * database error, never a silent first page).
 */
export function readCursor<T>(raw: string | undefined, key: z.ZodType<T>): T | null {
  if (!raw) return null
  const parsed = key.safeParse(decodeCursor(raw))
  if (!parsed.success) {
    const message = 'This page link is not valid; go back to the first page'
    throw new HttpError('validation_failed', message, [{ path: 'cursor', code: 'invalid_cursor', message }])
  }
  return parsed.data
}
