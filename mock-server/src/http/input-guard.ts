import type { FastifyInstance } from 'fastify'
import type { FieldError } from '@suite/domain'
import { HttpError } from './errors'

/** PostgreSQL cannot store U+0000 in text; SQLSTATE 22021 is what it answers when asked to. */
export const PG_BAD_ENCODING = '22021'

/** Path (`body.items.0.title`) of the first string or key under `value` holding a NUL character. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (value === null || typeof value !== 'object' || depth > 64) return null
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function')
    return null
  for (const [k, v] of Object.entries(value)) {
    const here = `${path}.${k}`
    if (k.includes('\u0000')) return here
    const found = findNul(v, here, depth + 1)
    if (found) return found
  }
  return null
}

/**
 * Refuse input carrying a NUL character (path, query or JSON body) with a 400 naming the
 * field, before any route sees it: PostgreSQL text cannot hold one, so it would otherwise
 * surface as a 500 deep inside whichever query first touched the value.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const where = findNul(req.params, 'params') ?? findNul(req.query, 'query') ?? findNul(req.body, 'body')
    if (!where) return
    const field: FieldError = {
      path: where.replace(/^body\.?/, '') || 'body',
      code: 'invalid_string',
      message: 'May not contain a NUL character',
    }
    throw new HttpError('validation_failed', 'Some fields are not valid', [field])
  })
}
