import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ERROR_STATUS, codeForStatus, defineEndpoint, fillPath } from './endpoint'
import { ErrorCode } from './error'

describe('defineEndpoint', () => {
  it('fills in what a definition leaves out', () => {
    const withBody = defineEndpoint({
      method: 'POST',
      path: '/things',
      tags: ['t'],
      body: z.object({ a: z.string() }),
      response: z.object({ id: z.string() }),
    })
    expect(withBody).toMatchObject({
      status: 200,
      responseKind: 'json',
      request: 'json',
      params: undefined,
      query: undefined,
    })
    const empty = defineEndpoint({
      method: 'DELETE',
      path: '/things/:id',
      tags: ['t'],
      params: z.object({ id: z.string() }),
    })
    expect(empty).toMatchObject({ status: 204, responseKind: 'empty' })
    const file = defineEndpoint({
      method: 'GET',
      path: '/things/:id/file',
      tags: ['t'],
      responseKind: 'bytes',
      contentType: 'image/jpeg',
    })
    expect(file).toMatchObject({ status: 200, responseKind: 'bytes', contentType: 'image/jpeg' })
  })
})

describe('fillPath', () => {
  it('encodes every parameter, so an id cannot reach another path', () => {
    expect(fillPath('/cases/:caseId/documents/:docId', { caseId: 'c/../admin', docId: 'a b?c#d' })).toBe(
      '/cases/c%2F..%2Fadmin/documents/a%20b%3Fc%23d',
    )
  })

  it('refuses a missing or empty parameter instead of calling a shorter path', () => {
    expect(() => fillPath('/cases/:caseId', {})).toThrow(/caseId/)
    expect(() => fillPath('/cases/:caseId', { caseId: '' })).toThrow(/caseId/)
  })
})

describe('the error-status table', () => {
  it('has a status for every code the API answers with', () => {
    for (const code of ErrorCode.options) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400)
  })

  it('reads a bare status as the general code of that status', () => {
    expect([400, 401, 403, 404, 409, 413, 415, 429, 500, 502].map(codeForStatus)).toEqual([
      'bad_request',
      'unauthenticated',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
      'internal',
      'upstream_unavailable',
    ])
    expect([422, 503, 504, 418, 507].map(codeForStatus)).toEqual([
      'validation_failed',
      'upstream_unavailable',
      'upstream_unavailable',
      'bad_request',
      'internal',
    ])
  })
})
