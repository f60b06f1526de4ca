import type { z } from 'zod'
import { ErrorBody, type ErrorCode } from './error'

/**
 * Endpoints as data: each HTTP endpoint of the suite's API is defined once, here in
 * `@suite/domain` beside its schemas. The server registers its route from the definition
 * (`mock-server/src/http/endpoint.ts`), the client calls it (`http.call` in
 * `@suite/api-client`), and the OpenAPI document is generated from the registered routes.
 */

/** Where every endpoint path is served, and the client's default base URL. */
export const API_PREFIX = '/api'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What the body of a successful answer is. */
export type ResponseKind =
  /** JSON, parsed with `response`. */
  | 'json'
  /** Bytes (a page image, a file download); the client hands out a `Blob` of `contentType`. */
  | 'bytes'
  /** Text (CSV, iCalendar); the client hands out a string. */
  | 'text'
  /** No body (204, or an answer whose body is ignored). */
  | 'empty'

/** What the request body is: JSON, `FormData`, or raw bytes (a `Blob` sent with its own type). */
export type RequestKind = 'json' | 'multipart' | 'bytes'

/** The definition of one endpoint. */
export interface Endpoint<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Res extends z.ZodType | undefined = z.ZodType | undefined,
  K extends ResponseKind = ResponseKind,
  R extends RequestKind = RequestKind,
> {
  method: M
  /** Path under the API prefix (`/api`), with `:name` parameters, e.g. `/cases/:caseId`. */
  path: P
  /** OpenAPI tags (the area). */
  tags: readonly string[]
  /** One line for the OpenAPI document. */
  summary?: string
  /** Left out of the OpenAPI document (a secret-URL feed that is fetched, not browsed). */
  hidden: boolean
  params: Params
  query: Query
  body: Body
  /** Request headers the endpoint reads (validated and documented), e.g. `Idempotency-Key`. */
  headers?: z.ZodType
  /** `json` (default), `multipart` (the body is `FormData`) or `bytes` (a `Blob`); `body` documents only JSON. */
  request: R
  /** Status of a successful answer: 200 unless said. */
  status: 200 | 201 | 202 | 204
  /** Schema of a successful JSON answer. */
  response: Res
  responseKind: K
  /** MIME type of a `bytes` or `text` answer. */
  contentType?: string
  /** Other successful answers, documented (a replayed request answered 200 where a new one is 201). */
  alsoAnswers?: Readonly<Record<number, z.ZodType>>
}

/** Any endpoint, for generic code. */
export type AnyEndpoint = Endpoint<
  HttpMethod,
  string,
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType | undefined,
  ResponseKind,
  RequestKind
>

/** What {@link defineEndpoint} takes: the definition with its defaults left out. */
export interface EndpointSpec<
  M extends HttpMethod,
  P extends string,
  Params extends z.ZodType | undefined,
  Query extends z.ZodType | undefined,
  Body extends z.ZodType | undefined,
  Res extends z.ZodType | undefined,
  K extends ResponseKind,
  R extends RequestKind,
> {
  method: M
  path: P
  tags: readonly string[]
  summary?: string
  hidden?: boolean
  params?: Params
  query?: Query
  body?: Body
  headers?: z.ZodType
  request?: R
  status?: 200 | 201 | 202 | 204
  response?: Res
  responseKind?: K
  contentType?: string
  alsoAnswers?: Readonly<Record<number, z.ZodType>>
}

/**
 * Define one endpoint. Leave out what it does not have; `response` without `responseKind`
 * means a JSON answer, no `response` means no body unless `responseKind` says `bytes` or `text`.
 */
export function defineEndpoint<
  M extends HttpMethod,
  P extends string,
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Res extends z.ZodType | undefined = undefined,
  K extends ResponseKind = Res extends z.ZodType ? 'json' : 'empty',
  R extends RequestKind = 'json',
>(spec: EndpointSpec<M, P, Params, Query, Body, Res, K, R>): Endpoint<M, P, Params, Query, Body, Res, K, R> {
  const responseKind = (spec.responseKind ?? (spec.response ? 'json' : 'empty')) as K
  return {
    method: spec.method,
    path: spec.path,
    tags: spec.tags,
    summary: spec.summary,
    hidden: spec.hidden ?? false,
    params: spec.params as Params,
    query: spec.query as Query,
    body: spec.body as Body,
    headers: spec.headers,
    request: (spec.request ?? 'json') as R,
    status: spec.status ?? (responseKind === 'empty' && !spec.response ? 204 : 200),
    response: spec.response as Res,
    responseKind,
    contentType: spec.contentType,
    alsoAnswers: spec.alsoAnswers,
  }
}

/**
 * HTTP status of every error code: the one table, used by the server to answer and by the
 * client to read a bare status. For a status several codes share, the first listed is what a
 * bare status means.
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  step_up_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  upstream_unavailable: 502,
}

/** Statuses the API never answers with but a proxy or gateway may. */
const FOREIGN_STATUS: Readonly<Record<number, ErrorCode>> = {
  422: 'validation_failed',
  503: 'upstream_unavailable',
  504: 'upstream_unavailable',
}

/**
 * The code a bare status stands for when an answer carries no `ErrorBody` (a proxy's HTML
 * page, say): the first code of the table with that status, `internal` for other 5xx and
 * `bad_request` for other 4xx.
 */
export function codeForStatus(status: number): ErrorCode {
  for (const [code, s] of Object.entries(ERROR_STATUS) as [ErrorCode, number][]) if (s === status) return code
  const foreign = FOREIGN_STATUS[status]
  if (foreign) return foreign
  return status >= 500 ? 'internal' : 'bad_request'
}

/** The error answers every endpoint may give, each an {@link ErrorBody}. */
export const ERROR_RESPONSES: Readonly<Record<number, typeof ErrorBody>> = Object.fromEntries(
  [...new Set(Object.values(ERROR_STATUS))].map((s) => [s, ErrorBody]),
)

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never

/** The names of a path's `:parameters`. */
export type PathParamNames<P extends string> = ParamNames<P>

/**
 * The path of an endpoint with its parameters filled in and URL-encoded.
 * @throws Error when a parameter is missing (a programming error, not user input).
 */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const v = params?.[name]
    if (v === undefined || v === null || v === '') throw new Error(`Missing path parameter ${name} of ${path}`)
    return encodeURIComponent(String(v))
  })
}
