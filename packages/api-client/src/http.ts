import axios, { AxiosHeaders, type AxiosAdapter, type AxiosRequestConfig, type AxiosResponse } from 'axios'
import { z } from 'zod'
import { ApiError, apiErrorFromResponse } from './api-error'
import { backoffDelay, isRetryableFailure, isRetryableRequest, parseRetryAfter } from './retry'

/** Options of {@link createHttp} (and of `createApiClient`). */
export interface ApiClientOptions {
  /** Prefix of every path; `'/api'` by default. Tests in node need an absolute URL. */
  baseURL?: string
  /** Time limit of one attempt, in ms; 15000 by default. */
  timeoutMs?: number
  /** Extra attempts after a retryable failure; 3 by default, 0 disables retries. */
  retries?: number
  /** First backoff step in ms, doubled each retry (with jitter); 300 by default. */
  retryBaseDelayMs?: number
  /** An axios adapter to use instead of the platform's (tests, DingTalk's native request). */
  adapter?: AxiosAdapter
  /** Called once for every 401 answer, e.g. to send the user to sign-in. */
  onUnauthenticated?: (err: ApiError) => void
  /** How to wait between retries; inject a fake in tests. */
  sleep?: (ms: number) => Promise<void>
}

/** Per-call options every resource method accepts. */
export interface RequestOptions {
  /** Aborting it rejects the call with `ApiError` code `cancelled`; nothing is retried after. */
  signal?: AbortSignal
}

/** An axios request description; cancellation goes through {@link RequestOptions} instead. */
export type RequestConfig = Omit<AxiosRequestConfig, 'signal' | 'cancelToken'>

/** The transport every resource is built on. */
export interface Http {
  /**
   * Send one request (retrying when safe) and parse the answer with `schema`.
   * @throws ApiError for every failure.
   */
  request<S extends z.ZodType>(schema: S, config: RequestConfig, opts?: RequestOptions): Promise<z.output<S>>
  /** Set (or clear with null) the token sent as `x-csrf-token` on every non-GET request. */
  setCsrfToken(token: string | null): void
  /** The CSRF token currently sent, if any. */
  csrfToken(): string | null
  /** Absolute-or-rooted URL of `url` under the base URL with `params` encoded, for links and downloads. */
  uri(url: string, params?: Record<string, unknown>): string
}

/** Schema of an answer whose body is ignored (204 No Content and the like). */
export const NoContent = z.unknown().transform((): void => undefined)

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A failed attempt, with the wait the server asked for when it said so. */
interface Failure {
  error: ApiError
  retryAfterMs: number | null
}

function headerValue(res: AxiosResponse | undefined, name: string): string | null {
  const v: unknown = res?.headers?.[name]
  return typeof v === 'string' ? v : null
}

function cancelled(cause?: unknown): ApiError {
  return new ApiError({ status: 0, code: 'cancelled', message: 'The request was cancelled.', cause })
}

/** Map whatever axios threw to one {@link ApiError}. */
function toFailure(e: unknown, signal: AbortSignal | undefined): Failure {
  if (e instanceof ApiError) return { error: e, retryAfterMs: null }
  if (signal?.aborted || axios.isCancel(e)) return { error: cancelled(e), retryAfterMs: null }
  if (axios.isAxiosError(e) && e.response) {
    const res = e.response
    const error = apiErrorFromResponse(res.status, res.data, headerValue(res, 'x-request-id'))
    const retryAfterMs = res.status === 429 || res.status === 503 ? parseRetryAfter(headerValue(res, 'retry-after')) : null
    return { error, retryAfterMs }
  }
  const timedOut = axios.isAxiosError(e)
    && (e.code === 'ETIMEDOUT' || (e.code === 'ECONNABORTED' && /timeout/i.test(e.message)))
  const error = timedOut
    ? new ApiError({ status: 0, code: 'timeout', message: 'The server did not answer in time.', cause: e })
    : new ApiError({ status: 0, code: 'network_error', message: 'The server could not be reached.', cause: e })
  return { error, retryAfterMs: null }
}

/** Parse a 2xx answer; a body that does not match is `malformed_response`, never retried. */
function parseAnswer<S extends z.ZodType>(schema: S, res: AxiosResponse): z.output<S> {
  const parsed = schema.safeParse(res.data)
  if (parsed.success) return parsed.data
  const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(root)').join(', ')
  const what = `${res.config.method?.toUpperCase() ?? 'GET'} ${res.config.url ?? ''}`
  throw new ApiError({
    status: res.status,
    code: 'malformed_response',
    message: `The answer of ${what} does not match its schema (at ${where}).`,
    requestId: headerValue(res, 'x-request-id'),
    cause: parsed.error,
  })
}

/** Wait `ms`, or reject as cancelled as soon as `signal` aborts. */
function pause(ms: number, sleep: (ms: number) => Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleep(ms)
  if (signal.aborted) return Promise.reject(cancelled(signal.reason))
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(cancelled(signal.reason))
    signal.addEventListener('abort', onAbort, { once: true })
    sleep(ms).then(
      () => { signal.removeEventListener('abort', onAbort); resolve() },
      (err: unknown) => { signal.removeEventListener('abort', onAbort); reject(err) },
    )
  })
}

/**
 * Create the one axios instance of an app and the typed request function around it:
 * cookies on (`withCredentials`), CSRF header on writes, zod-checked answers, retries with
 * backoff for safe requests, and {@link ApiError} for every failure.
 */
export function createHttp(options: ApiClientOptions = {}): Http {
  const retries = Math.max(0, options.retries ?? 3)
  const baseDelay = options.retryBaseDelayMs ?? 300
  const sleep = options.sleep ?? defaultSleep
  const instance = axios.create({
    baseURL: options.baseURL ?? '/api',
    timeout: options.timeoutMs ?? 15_000,
    withCredentials: true,
    // ETIMEDOUT for timeouts, so they are not confused with other aborted connections.
    transitional: { clarifyTimeoutError: true },
    ...(options.adapter ? { adapter: options.adapter } : {}),
  })
  let csrf: string | null = null

  const notifyUnauthenticated = (error: ApiError): void => {
    if (error.status !== 401 || !options.onUnauthenticated) return
    try {
      options.onUnauthenticated(error)
    } catch {
      // A faulty callback must not replace the request's own error.
    }
  }

  async function request<S extends z.ZodType>(schema: S, config: RequestConfig, opts: RequestOptions = {}): Promise<z.output<S>> {
    const method = (config.method ?? 'GET').toUpperCase()
    const headers = AxiosHeaders.from(config.headers as AxiosHeaders | undefined)
    if (csrf !== null && method !== 'GET') headers.set('x-csrf-token', csrf)
    const maxRetries = isRetryableRequest(method, headers.has('idempotency-key')) ? retries : 0
    const { signal } = opts
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw cancelled(signal.reason)
      let res: AxiosResponse
      try {
        res = await instance.request({ ...config, method, headers, signal })
      } catch (e) {
        const { error, retryAfterMs } = toFailure(e, signal)
        notifyUnauthenticated(error)
        if (attempt >= maxRetries || !isRetryableFailure(error)) throw error
        await pause(retryAfterMs ?? backoffDelay(attempt, baseDelay), sleep, signal)
        continue
      }
      return parseAnswer(schema, res)
    }
  }

  return {
    request,
    setCsrfToken: (token) => { csrf = token },
    csrfToken: () => csrf,
    uri: (url, params) => instance.getUri({ url, params }),
  }
}
