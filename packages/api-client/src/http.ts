import axios, { AxiosHeaders, type AxiosAdapter, type AxiosRequestConfig, type AxiosResponse } from 'axios'
import { z } from 'zod'
import { API_PREFIX, fillPath, type AnyEndpoint } from '@suite/domain'
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
  /**
   * Call an endpoint of `@suite/domain`: its path filled from `input.params`, `input.query`
   * as the query string, `input.body` as JSON (or `FormData` for a multipart endpoint), and
   * the answer parsed as the endpoint says.
   * @throws ApiError for every failure.
   */
  call<E extends AnyEndpoint>(endpoint: E, ...args: CallArgs<E>): Promise<CallResult<E>>
  /** The URL of a GET endpoint with its input filled in, for links and downloads. */
  href<E extends AnyEndpoint>(endpoint: E, input?: Omit<CallInput<E>, 'body'>): string
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "nothing in T is required" is exactly `{}` extends T
type Optional<T> = {} extends T ? true : false
type ParamsInput<E extends AnyEndpoint> = E['params'] extends z.ZodType
  ? { params: z.input<E['params']> }
  : { params?: undefined }
type QueryInput<E extends AnyEndpoint> = E['query'] extends z.ZodType
  ? Optional<z.input<E['query']>> extends true
    ? { query?: z.input<E['query']> }
    : { query: z.input<E['query']> }
  : { query?: undefined }
type BodyInput<E extends AnyEndpoint> = E['request'] extends 'multipart'
  ? { body: FormData }
  : E['request'] extends 'bytes'
    ? { body: Blob }
    : E['body'] extends z.ZodType
      ? { body: z.input<E['body']> }
      : { body?: undefined }

/** Transport settings a call may add: headers (`Idempotency-Key`), a longer time limit, upload progress. */
export type CallConfig = Pick<RequestConfig, 'headers' | 'timeout' | 'onUploadProgress'>

/** What {@link Http.call} takes for an endpoint: its path parameters, query and body, and transport settings. */
export type CallInput<E extends AnyEndpoint> = ParamsInput<E> & QueryInput<E> & BodyInput<E> & { config?: CallConfig }
/** The arguments of {@link Http.call} after the endpoint; the input may be left out when nothing in it is required. */
export type CallArgs<E extends AnyEndpoint> =
  Optional<CallInput<E>> extends true
    ? [input?: CallInput<E>, opts?: RequestOptions]
    : [input: CallInput<E>, opts?: RequestOptions]
/** What {@link Http.call} resolves to: the parsed JSON, a `Blob`, a string or nothing. */
export type CallResult<E extends AnyEndpoint> = E['responseKind'] extends 'json'
  ? E['response'] extends z.ZodType
    ? z.output<E['response']>
    : never
  : E['responseKind'] extends 'bytes'
    ? Blob
    : E['responseKind'] extends 'text'
      ? string
      : void

/** Schema of an answer whose body is ignored (204 No Content and the like). */
export const NoContent = z.unknown().transform((): void => undefined)

/** Bytes from either the browser (ArrayBuffer) or Node (Buffer) adapter, handed out as a Blob of `type`. */
const bytesOf = (type: string) =>
  z
    .custom<ArrayBuffer | ArrayBufferView>((v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v), 'Expected bytes')
    .transform((b) => new Blob([b as BlobPart], { type }))
const Text = z.string()

/** The schema and axios settings that read an endpoint's answer. */
function answerOf(e: AnyEndpoint): { schema: z.ZodType; responseType?: 'arraybuffer' | 'text' } {
  switch (e.responseKind) {
    case 'json':
      return { schema: e.response ?? NoContent }
    case 'bytes':
      return { schema: bytesOf(e.contentType ?? 'application/octet-stream'), responseType: 'arraybuffer' }
    case 'text':
      return { schema: Text, responseType: 'text' }
    default:
      return { schema: NoContent }
  }
}

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
    const retryAfterMs =
      res.status === 429 || res.status === 503 ? parseRetryAfter(headerValue(res, 'retry-after')) : null
    return { error, retryAfterMs }
  }
  const timedOut =
    axios.isAxiosError(e) && (e.code === 'ETIMEDOUT' || (e.code === 'ECONNABORTED' && /timeout/i.test(e.message)))
  const error = timedOut
    ? new ApiError({ status: 0, code: 'timeout', message: 'The server did not answer in time.', cause: e })
    : new ApiError({ status: 0, code: 'network_error', message: 'The server could not be reached.', cause: e })
  return { error, retryAfterMs: null }
}

/** Parse a 2xx answer; a body that does not match is `malformed_response`, never retried. */
function parseAnswer<S extends z.ZodType>(schema: S, res: AxiosResponse): z.output<S> {
  const parsed = schema.safeParse(res.data)
  if (parsed.success) return parsed.data
  const where = parsed.error.issues
    .slice(0, 3)
    .map((i) => i.path.join('.') || '(root)')
    .join(', ')
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
      () => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(err)
      },
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
    baseURL: options.baseURL ?? API_PREFIX,
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

  async function request<S extends z.ZodType>(
    schema: S,
    config: RequestConfig,
    opts: RequestOptions = {},
  ): Promise<z.output<S>> {
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

  function call<E extends AnyEndpoint>(e: E, ...[input, opts]: CallArgs<E>): Promise<CallResult<E>> {
    const { schema, responseType } = answerOf(e)
    const i = (input ?? {}) as {
      params?: Record<string, unknown>
      query?: Record<string, unknown>
      body?: unknown
      config?: CallConfig
    }
    const config: RequestConfig = {
      ...i.config,
      method: e.method,
      url: fillPath(e.path, i.params),
      params: i.query,
      data: i.body,
    }
    if (responseType) config.responseType = responseType
    if (e.request === 'bytes' && i.body instanceof Blob) {
      config.headers = {
        'content-type': i.body.type || 'application/octet-stream',
        ...(i.config?.headers as Record<string, string> | undefined),
      }
    }
    return request(schema, config, opts) as Promise<CallResult<E>>
  }

  return {
    request,
    call,
    setCsrfToken: (token) => {
      csrf = token
    },
    csrfToken: () => csrf,
    uri: (url, params) => instance.getUri({ url, params }),
    href: (e, input) => {
      const i = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown> }
      return instance.getUri({ url: fillPath(e.path, i.params), params: i.query })
    },
  }
}
