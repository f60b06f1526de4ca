/** Methods that may be repeated without changing the outcome. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])
/** Statuses that say "try again later" rather than "this request is wrong". */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504])

/** Longest exponential backoff between two attempts. */
export const MAX_BACKOFF_MS = 10_000
/** Longest wait a `Retry-After` header can impose; longer values are cut to this. */
export const MAX_RETRY_AFTER_MS = 10_000

/**
 * True when a request may be sent again after a failure: idempotent methods always, and
 * POST / PATCH only when they carry an `Idempotency-Key` so the server can deduplicate.
 */
export function isRetryableRequest(method: string, hasIdempotencyKey: boolean): boolean {
  const m = method.toUpperCase()
  if (IDEMPOTENT_METHODS.has(m)) return true
  return (m === 'POST' || m === 'PATCH') && hasIdempotencyKey
}

/** True for failures worth another attempt: no answer (network, timeout) or 429 / 502 / 503 / 504. */
export function isRetryableFailure(failure: { status: number; code: string }): boolean {
  if (failure.code === 'network_error' || failure.code === 'timeout') return true
  return RETRYABLE_STATUSES.has(failure.status)
}

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential growth from
 * `baseMs` with "equal jitter" (half fixed, half random) so clients do not retry in step.
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt)
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/**
 * Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date), capped at
 * {@link MAX_RETRY_AFTER_MS}; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value == null || value.trim() === '') return null
  const v = value.trim()
  const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now
  if (!Number.isFinite(ms)) return null
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(ms)))
}

/**
 * A fresh `Idempotency-Key` value. Create one per user action and reuse it for that
 * action's retries. Uses `crypto.randomUUID`, with a `getRandomValues` fallback for older
 * WebViews (randomUUID needs iOS 15.4+ and a secure context).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
