import { z } from 'zod'

/** Machine-readable error codes the API answers with. */
export const ErrorCode = z.enum([
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'session_expired',
  'csrf_failed',
  'forbidden',
  'step_up_required',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'upstream_unavailable',
  'internal',
])
export type ErrorCode = z.infer<typeof ErrorCode>

/** One field's problem: `path` is dotted (`members.0.role`), `message` is English, `code` is stable. */
export const FieldError = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
})
export type FieldError = z.infer<typeof FieldError>

/** Every non-2xx response body has this shape. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    fields: z.array(FieldError).default([]),
    requestId: z.string().nullable().default(null),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBody>

/**
 * The issues of a failed zod parse as field errors (dotted paths, `(root)` for the value
 * itself), e.g. to answer 400 with the problems of a low-code document body.
 */
export function fieldErrorsOf(error: {
  issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[]
}): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', code: i.code, message: i.message }))
}
