import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AuthConfig, CaseSummary, Page } from '@suite/domain'
import { makeCaseSummary } from '@suite/domain/testing'
import { isApiError, type ApiError } from './api-error'
import { newIdempotencyKey } from './retry'
import { API, errorBody, testClient, useMswServer } from './test-support'

const server = useMswServer()
const config = { corpId: 'dingdemocorp0001', devSignIn: true, devUsers: [] }

/** Await a promise that must reject, and return its ApiError. */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => {
      throw new Error('expected a rejection')
    },
    (err: unknown) => err,
  )
  expect(isApiError(e)).toBe(true)
  return e as ApiError
}

/** A GET /auth/config handler answering `answers` in turn (the last one repeats), counting calls. */
function sequence(...answers: (() => Response)[]) {
  const calls = { count: 0 }
  server.use(
    http.get(`${API}/auth/config`, () => {
      const answer = answers[Math.min(calls.count, answers.length - 1)]!
      calls.count++
      return answer()
    }),
  )
  return calls
}

const ok = () => HttpResponse.json(config)
const unavailable = () => HttpResponse.json(errorBody('upstream_unavailable', 'DingTalk is down'), { status: 503 })

describe('answers', () => {
  it('parses a success with its schema', async () => {
    const seen: URLSearchParams[] = []
    server.use(
      http.get(`${API}/cases`, ({ request }) => {
        seen.push(new URL(request.url).searchParams)
        return HttpResponse.json({ items: [makeCaseSummary(0), makeCaseSummary(1)], nextCursor: null })
      }),
    )
    const { client } = testClient()
    const page = await client.cases.list({ limit: 10, status: 'open' })
    expect(page.items.map((c) => c.id)).toEqual(['case-hca-1234', 'case-dccj-5678'])
    expect(seen[0]?.get('limit')).toBe('10')
    expect(seen[0]?.get('status')).toBe('open')
  })

  it('turns a 400 with field errors into an ApiError with fields, not retried', async () => {
    const calls = { count: 0 }
    server.use(
      http.post(`${API}/auth/dev`, () => {
        calls.count++
        const fields = [{ path: 'userId', code: 'too_small', message: 'Required' }]
        return HttpResponse.json(errorBody('validation_failed', 'Invalid body', { fields, requestId: 'req-42' }), {
          status: 400,
        })
      }),
    )
    const { client } = testClient()
    const e = await failure(client.auth.devSignIn({ userId: '' }))
    expect(e).toMatchObject({ status: 400, code: 'validation_failed', message: 'Invalid body', requestId: 'req-42' })
    expect(e.fields).toEqual([{ path: 'userId', code: 'too_small', message: 'Required' }])
    expect(e.fieldMessage('userId')).toBe('Required')
    expect(e.fieldMessage('other')).toBeUndefined()
    expect(calls.count).toBe(1)
  })

  it('reads the request id from the header and derives the code from the status when the body is not an ErrorBody', async () => {
    sequence(
      () =>
        new HttpResponse('<h1>Not Found</h1>', {
          status: 404,
          headers: { 'content-type': 'text/html', 'x-request-id': 'req-7' },
        }),
    )
    const e = await failure(testClient().client.auth.config())
    expect(e).toMatchObject({ status: 404, code: 'not_found', requestId: 'req-7', fields: [] })
  })

  it('rejects a body that does not match the schema as malformed_response, without retrying', async () => {
    const calls = sequence(() => HttpResponse.json({ corpId: 42 }, { headers: { 'x-request-id': 'req-9' } }))
    const e = await failure(testClient().client.auth.config())
    expect(e).toMatchObject({ status: 200, code: 'malformed_response', requestId: 'req-9' })
    expect(e.message).toContain('corpId')
    expect(calls.count).toBe(1)
  })

  it('rejects a non-JSON body as malformed_response', async () => {
    sequence(() => new HttpResponse('<html>login portal</html>', { headers: { 'content-type': 'text/html' } }))
    const e = await failure(testClient().client.auth.config())
    expect(e.code).toBe('malformed_response')
  })

  it('lets later resources use request() with any schema', async () => {
    server.use(
      http.get(`${API}/cases/search`, () => HttpResponse.json({ items: [makeCaseSummary(2)], nextCursor: 'c2' })),
    )
    const page = await testClient().client.request(Page(CaseSummary), { url: '/cases/search' })
    expect(page.nextCursor).toBe('c2')
    await expect(
      testClient().client.request(z.object({ x: z.number() }), { url: '/cases/search' }),
    ).rejects.toMatchObject({ code: 'malformed_response' })
  })
})

describe('retries', () => {
  it('retries a 503 with growing, jittered backoff and then succeeds', async () => {
    const calls = sequence(unavailable, unavailable, ok)
    const { client, delays } = testClient()
    await expect(client.auth.config()).resolves.toEqual(AuthConfig.parse(config))
    expect(calls.count).toBe(3)
    expect(delays).toHaveLength(2)
    expect(delays[0]).toBeGreaterThanOrEqual(150)
    expect(delays[0]).toBeLessThanOrEqual(300)
    expect(delays[1]).toBeGreaterThanOrEqual(300)
    expect(delays[1]).toBeLessThanOrEqual(600)
  })

  it('gives up after `retries` extra attempts with the last answer', async () => {
    const calls = sequence(unavailable)
    const { client, delays } = testClient()
    const e = await failure(client.auth.config())
    expect(e).toMatchObject({ status: 503, code: 'upstream_unavailable', message: 'DingTalk is down' })
    expect(calls.count).toBe(4)
    expect(delays).toHaveLength(3)
  })

  it('does not retry a 500 or a 4xx', async () => {
    const calls = sequence(() => HttpResponse.json(errorBody('internal', 'boom'), { status: 500 }))
    await expect(testClient().client.auth.config()).rejects.toMatchObject({ status: 500, code: 'internal' })
    expect(calls.count).toBe(1)
  })

  it('retries a network error', async () => {
    const calls = sequence(() => HttpResponse.error(), ok)
    await expect(testClient().client.auth.config()).resolves.toMatchObject({ corpId: config.corpId })
    expect(calls.count).toBe(2)
  })

  it('reports an unreachable server as network_error, status 0', async () => {
    sequence(() => HttpResponse.error())
    const e = await failure(testClient({ retries: 1 }).client.auth.config())
    expect(e).toMatchObject({ status: 0, code: 'network_error', requestId: null })
  })

  it('never retries a POST without an Idempotency-Key', async () => {
    const calls = { count: 0 }
    server.use(
      http.post(`${API}/things`, () => {
        calls.count++
        return unavailable()
      }),
    )
    const e = await failure(testClient().client.request(z.object({}), { method: 'POST', url: '/things', data: {} }))
    expect(e.status).toBe(503)
    expect(calls.count).toBe(1)
  })

  it('retries a POST that carries an Idempotency-Key, sending the same key each time', async () => {
    const keys: (string | null)[] = []
    server.use(
      http.post(`${API}/things`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'))
        return keys.length < 3 ? unavailable() : HttpResponse.json({ id: 't1' })
      }),
    )
    const key = newIdempotencyKey()
    const body = await testClient().client.request(z.object({ id: z.string() }), {
      method: 'POST',
      url: '/things',
      data: {},
      headers: { 'Idempotency-Key': key },
    })
    expect(body).toEqual({ id: 't1' })
    expect(keys).toEqual([key, key, key])
  })

  it('honours Retry-After on a 429, capped at 10 s', async () => {
    const limited = (s: string) => () =>
      HttpResponse.json(errorBody('rate_limited', 'slow down'), { status: 429, headers: { 'retry-after': s } })
    const calls = sequence(limited('2'), limited('3600'), ok)
    const { client, delays } = testClient()
    await expect(client.auth.config()).resolves.toMatchObject({ devSignIn: true })
    expect(calls.count).toBe(3)
    expect(delays).toEqual([2000, 10_000])
  })
})

describe('timeouts and cancellation', () => {
  it('reports a slow answer as timeout, status 0, and retries it', async () => {
    const calls = { count: 0 }
    server.use(
      http.get(`${API}/auth/config`, async () => {
        calls.count++
        await delay(1000)
        return ok()
      }),
    )
    const e = await failure(testClient({ timeoutMs: 30, retries: 1 }).client.auth.config())
    expect(e).toMatchObject({ status: 0, code: 'timeout' })
    expect(calls.count).toBe(2)
  })

  it('rejects an aborted request as cancelled and does not retry it', async () => {
    const calls = { count: 0 }
    server.use(
      http.get(`${API}/auth/config`, async () => {
        calls.count++
        await delay(1000)
        return ok()
      }),
    )
    const ac = new AbortController()
    const pending = testClient().client.auth.config({ signal: ac.signal })
    setTimeout(() => ac.abort(), 20)
    const e = await failure(pending)
    expect(e).toMatchObject({ status: 0, code: 'cancelled' })
    expect(calls.count).toBe(1)
  })

  it('sends nothing when the signal is already aborted', async () => {
    const calls = sequence(ok)
    const e = await failure(testClient().client.auth.config({ signal: AbortSignal.abort() }))
    expect(e.code).toBe('cancelled')
    expect(calls.count).toBe(0)
  })

  it('stops waiting between retries when aborted', async () => {
    const calls = sequence(unavailable)
    const ac = new AbortController()
    const { client } = testClient({
      sleep: () => {
        ac.abort()
        return new Promise(() => {})
      },
    })
    const e = await failure(client.auth.config({ signal: ac.signal }))
    expect(e.code).toBe('cancelled')
    expect(calls.count).toBe(1)
  })
})
