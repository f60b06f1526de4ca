import type { ErrorCode, FieldError } from '@suite/domain'

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400, validation_failed: 400, unauthenticated: 401, session_expired: 401, csrf_failed: 403,
  forbidden: 403, step_up_required: 403, not_found: 404, conflict: 409, payload_too_large: 413,
  unsupported_media_type: 415, rate_limited: 429, upstream_unavailable: 502, internal: 500,
}

/** An error the API answers with on purpose: its code, message and field errors reach the client. */
export class HttpError extends Error {
  readonly statusCode: number
  constructor(readonly code: ErrorCode, message: string, readonly fields: FieldError[] = [], status?: number) {
    super(message)
    this.name = 'HttpError'
    this.statusCode = status ?? STATUS[code]
  }
}

/** 404 with the standard wording; used wherever existence must not leak. */
export const notFound = (what = 'Not found') => new HttpError('not_found', what)
/** 403 for an item the caller can see but not act on. */
export const forbidden = (what = 'You do not have permission to do this') => new HttpError('forbidden', what)
/** HTTP status of an error code. */
export const statusOf = (code: ErrorCode) => STATUS[code]
