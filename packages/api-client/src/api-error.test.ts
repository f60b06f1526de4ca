import { describe, expect, it } from 'vitest'
import { ApiError, ApiErrorCode, apiErrorFromResponse, codeForStatus, isApiError } from './api-error'

describe('ApiError', () => {
  it('reads an ErrorBody, filling defaults and the header request id', () => {
    const e = apiErrorFromResponse(403, { error: { code: 'csrf_failed', message: 'Bad token' } }, 'req-h')
    expect(e).toMatchObject({ status: 403, code: 'csrf_failed', message: 'Bad token', fields: [], requestId: 'req-h' })
    expect(e).toBeInstanceOf(Error)
    expect(e.name).toBe('ApiError')
  })

  it('prefers the body request id over the header', () => {
    const e = apiErrorFromResponse(409, { error: { code: 'conflict', message: 'x', requestId: 'req-b' } }, 'req-h')
    expect(e.requestId).toBe('req-b')
  })

  it('falls back to a status-derived code for an unknown body or code', () => {
    expect(apiErrorFromResponse(502, '<html>Bad gateway</html>', null)).toMatchObject({
      code: 'upstream_unavailable',
      message: 'HTTP 502',
    })
    expect(apiErrorFromResponse(401, { error: { code: 'who_knows', message: 'x' } }, null).code).toBe('unauthenticated')
    expect(codeForStatus(418)).toBe('bad_request')
    expect(codeForStatus(507)).toBe('internal')
  })

  it('returns the first message of a field', () => {
    const e = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'Invalid',
      fields: [
        { path: 'members.0.role', code: 'invalid_value', message: 'Unknown role' },
        { path: 'members.0.role', code: 'x', message: 'second' },
      ],
    })
    expect(e.fieldMessage('members.0.role')).toBe('Unknown role')
  })

  it('is recognised by isApiError, plain errors are not', () => {
    expect(isApiError(new ApiError({ status: 0, code: 'timeout', message: 't' }))).toBe(true)
    expect(isApiError(new Error('x'))).toBe(false)
    expect(ApiErrorCode.options).toEqual(
      expect.arrayContaining(['internal', 'network_error', 'timeout', 'cancelled', 'malformed_response']),
    )
  })
})
