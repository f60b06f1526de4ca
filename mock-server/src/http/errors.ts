import { ERROR_STATUS as STATUS, type ErrorCode, type FieldError } from '@suite/domain'

/** An error the API answers with on purpose: its code, message and field errors reach the client. */
export class HttpError extends Error {
  readonly statusCode: number
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    status?: number,
  ) {
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
