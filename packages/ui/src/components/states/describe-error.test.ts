import { describe, expect, it } from 'vitest'
import { describeError } from './describe-error'

/** Shaped like @suite/api-client's ApiError. */
function apiError(status: number, code: string, fields: { path: string; code: string; message: string }[] = []) {
  return Object.assign(new Error('x'), { status, code, fields, requestId: 'r1' })
}

describe('describeError', () => {
  it('a network failure or a timeout is about the connection: its own heading, and retry', () => {
    expect(describeError(apiError(0, 'network_error'))).toMatchObject({
      titleKey: 'states.networkTitle',
      messageKey: 'errors.network_error',
      action: 'retry',
      scope: 'general',
    })
    expect(describeError(apiError(0, 'timeout'))).toMatchObject({ action: 'retry', scope: 'general' })
  })

  it('5xx answers say the system failed and offer retry, whatever code a proxy page produced', () => {
    expect(describeError(apiError(500, 'internal'))).toMatchObject({ titleKey: 'states.serverTitle', action: 'retry' })
    expect(describeError(apiError(502, 'upstream_unavailable'))).toMatchObject({ action: 'retry', scope: 'general' })
    expect(describeError(apiError(503, 'not_found'))).toMatchObject({ messageKey: 'errors.internal', action: 'retry' })
  })

  it('"not found" only for a real 404', () => {
    expect(describeError(apiError(404, 'not_found'))).toMatchObject({
      messageKey: 'errors.not_found',
      scope: 'item',
      action: 'none',
    })
    expect(describeError(apiError(400, 'not_found')).messageKey).not.toBe('errors.not_found')
  })

  it('an ended session asks to sign in again', () => {
    expect(describeError(apiError(401, 'session_expired'))).toMatchObject({ action: 'sign_in', scope: 'general' })
    expect(describeError(apiError(401, 'unauthenticated'))).toMatchObject({ action: 'sign_in' })
  })

  it('a step-up without an authenticator asks to set one up, not "someone else modified this"', () => {
    const refused = apiError(409, 'conflict', [
      { path: 'method', code: 'totp_not_enrolled', message: 'Set up an authenticator first' },
    ])
    expect(describeError(refused)).toMatchObject({
      messageKey: 'errors.authenticator_not_enrolled',
      titleKey: 'states.noAuthenticatorTitle',
      action: 'set_up_authenticator',
    })
    // A real edit conflict still says so.
    expect(describeError(apiError(409, 'conflict')).messageKey).toBe('errors.conflict')
  })

  it('unknown codes and plain errors get the generic message with retry', () => {
    expect(describeError(new TypeError('boom'))).toMatchObject({
      code: null,
      messageKey: 'errors.unknown',
      action: 'retry',
      requestId: null,
    })
    expect(describeError(apiError(400, 'brand_new'), () => false).messageKey).toBe('errors.unknown')
  })
})
