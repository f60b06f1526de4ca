import { z } from 'zod'
import { ErrorBody, ErrorCode, codeForStatus, type FieldError } from '@suite/domain'

/** Codes the client adds for failures that never produced a usable API answer. */
export const ClientErrorCode = z.enum(['network_error', 'timeout', 'cancelled', 'malformed_response'])
/** A client-side error code. */
export type ClientErrorCode = z.infer<typeof ClientErrorCode>

/** Every code an {@link ApiError} can carry: the server's `ErrorCode`s plus the client's own. */
export const ApiErrorCode = z.enum([...ErrorCode.options, ...ClientErrorCode.options])
/** A code an {@link ApiError} can carry. */
export type ApiErrorCode = z.infer<typeof ApiErrorCode>

/** What an {@link ApiError} is built from. */
export interface ApiErrorInit {
  /** HTTP status; 0 when no answer arrived (network error, timeout, cancellation). */
  status: number
  code: ApiErrorCode
  /** English, for logs and support; the UI translates `code` instead. */
  message: string
  fields?: FieldError[]
  requestId?: string | null
  /** The underlying failure (an AxiosError, a ZodError…), kept for debugging only. */
  cause?: unknown
}

/**
 * The one error shape components see. Whatever went wrong (no network, a timeout, an
 * aborted request, a non-2xx answer, an answer that does not match its schema) arrives
 * as an `ApiError`, never as an AxiosError.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number
  /** Stable machine-readable code. */
  readonly code: ApiErrorCode
  /** Field-level problems of a rejected input (empty for anything else). */
  readonly fields: FieldError[]
  /** The server's request id (body or `x-request-id` header), to quote to support. */
  readonly requestId: string | null

  /** Build an error; prefer letting the client create them. */
  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.status = init.status
    this.code = init.code
    this.fields = init.fields ?? []
    this.requestId = init.requestId ?? null
  }

  /** Message of the first field error at dotted `path` (`members.0.role`), for a form item. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message
  }
}

/** True for an {@link ApiError}; narrows `unknown` in a `catch`. */
export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

export { codeForStatus }

/**
 * Turn a non-2xx answer into an {@link ApiError}: the `ErrorBody` when the body is one,
 * otherwise a code derived from the status. `headerRequestId` is the `x-request-id` header.
 */
export function apiErrorFromResponse(status: number, body: unknown, headerRequestId: string | null): ApiError {
  const parsed = ErrorBody.safeParse(body)
  if (!parsed.success) {
    return new ApiError({ status, code: codeForStatus(status), message: `HTTP ${status}`, requestId: headerRequestId })
  }
  const { code, message, fields, requestId } = parsed.data.error
  return new ApiError({ status, code, message, fields, requestId: requestId ?? headerRequestId })
}

/** Field errors of a zod failure, in the wire `FieldError` shape. */
export function fieldsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }))
}
