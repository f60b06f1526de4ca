import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: '4096' } })
})
afterAll(async () => {
  await t.close()
})

describe('bad input gets a precise, readable answer', () => {
  it('malformed JSON -> 400 bad_request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'application/json' },
      payload: '{"userId": ',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('bad_request')
  })

  it('wrong types -> 400 with one entry per field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/dingtalk', payload: { corpId: 42, code: '' } })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['code', 'corpId'])
  })

  it('bad query values -> 400 naming the query field', async () => {
    const c = await t.signIn('u-ng')
    const res = await t.app.inject({ method: 'GET', url: '/api/audit?limit=100000', headers: c.headers })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields[0].path).toBe('querystring.limit')
  })

  it('oversized body -> 413 payload_too_large, and the server keeps serving', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { userId: 'x'.repeat(10_000) } })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('payload_too_large')
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
  })

  it('unsupported content type -> 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().error.code).toBe('unsupported_media_type')
  })

  it('unknown route -> 404 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toMatchObject({ code: 'not_found', requestId: res.headers['x-request-id'] })
  })

  it('401 vs 403: signed out is 401, wrong role is 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401)
    const c = await t.signIn('u-lee')
    const res = await t.app.inject({ method: 'GET', url: '/api/audit', headers: c.headers })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
  })
})

describe('transport', () => {
  it('sends security headers and a frame policy that admits the DingTalk PC client', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' })
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'self' https://*.dingtalk.com")
    expect(res.headers['x-frame-options']).toBeUndefined()
  })

  it('answers with its own request id, never one the caller chose (the audit chain stores it)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'req-abcdef123' } })
    expect(res.headers['x-request-id']).not.toBe('req-abcdef123')
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  })

  it('serves an OpenAPI document generated from the schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/dingtalk', '/api/cases', '/api/audit']))
    const body = doc.paths['/api/auth/dingtalk'].post.requestBody.content['application/json'].schema
    expect(body.required).toEqual(expect.arrayContaining(['corpId', 'code']))
  })
})
