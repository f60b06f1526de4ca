import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  backoffDelay,
  isRetryableFailure,
  isRetryableRequest,
  MAX_BACKOFF_MS,
  newIdempotencyKey,
  parseRetryAfter,
} from './retry'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('retry policy', () => {
  it('retries idempotent methods, and writes only with an Idempotency-Key', () => {
    for (const m of ['GET', 'head', 'PUT', 'DELETE', 'OPTIONS']) expect(isRetryableRequest(m, false)).toBe(true)
    expect(isRetryableRequest('POST', false)).toBe(false)
    expect(isRetryableRequest('PATCH', false)).toBe(false)
    expect(isRetryableRequest('post', true)).toBe(true)
    expect(isRetryableRequest('PATCH', true)).toBe(true)
  })

  it('retries network errors, timeouts, 429 and 502-504 only', () => {
    expect(isRetryableFailure({ status: 0, code: 'network_error' })).toBe(true)
    expect(isRetryableFailure({ status: 0, code: 'timeout' })).toBe(true)
    expect(isRetryableFailure({ status: 0, code: 'cancelled' })).toBe(false)
    for (const s of [429, 502, 503, 504]) expect(isRetryableFailure({ status: s, code: 'x' })).toBe(true)
    for (const s of [400, 401, 403, 404, 409, 500]) expect(isRetryableFailure({ status: s, code: 'x' })).toBe(false)
  })

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, 300, () => 0)).toBe(150)
    expect(backoffDelay(0, 300, () => 1)).toBe(300)
    expect(backoffDelay(2, 300, () => 1)).toBe(1200)
    expect(backoffDelay(20, 300, () => 1)).toBe(MAX_BACKOFF_MS)
  })

  it('reads Retry-After as seconds or an HTTP date, capped at 10 s', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter('0.5')).toBe(500)
    expect(parseRetryAfter('86400')).toBe(10_000)
    const now = Date.parse('2026-01-05T01:00:00Z')
    expect(parseRetryAfter('Mon, 05 Jan 2026 01:00:04 GMT', now)).toBe(4000)
    expect(parseRetryAfter('Mon, 05 Jan 2026 00:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter(null)).toBeNull()
  })
})

describe('newIdempotencyKey', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('returns a fresh v4 UUID each time', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(UUID)
    expect(newIdempotencyKey()).not.toBe(a)
  })

  it('falls back to getRandomValues where randomUUID is missing', () => {
    const real = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) })
    const a = newIdempotencyKey()
    expect(a).toMatch(UUID)
    expect(newIdempotencyKey()).not.toBe(a)
  })
})
