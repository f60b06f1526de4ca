import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify'
import { z } from 'zod'
import { API_PREFIX, ERROR_RESPONSES, type AnyEndpoint } from '@suite/domain'
import type { App } from '../deps'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The `@suite/domain` definition a route was served from (set by {@link serve}). */
    endpoint?: AnyEndpoint
  }
}

export { API_PREFIX }

type Out<S> = S extends z.ZodType ? z.output<S> : undefined

/** The request a handler of endpoint `E` gets: params, query and body already validated with its schemas. */
export type EndpointRequest<E extends AnyEndpoint> = FastifyRequest<{
  Params: Out<E['params']>
  Querystring: Out<E['query']>
  Body: Out<E['body']>
}>

/** What a handler of `E` answers: the JSON of its response schema, or the reply it sent itself (bytes, text, streams). */
export type EndpointAnswer<E extends AnyEndpoint> = E['responseKind'] extends 'json'
  ? (E['response'] extends z.ZodType ? z.input<E['response']> : never) | FastifyReply
  : FastifyReply | void

export type EndpointHandler<E extends AnyEndpoint> = (
  req: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<EndpointAnswer<E>>

/** Fastify route options an endpoint may add: rate limits, a body limit, hooks. */
export type EndpointRouteOptions = Pick<
  RouteShorthandOptions,
  'config' | 'bodyLimit' | 'preHandler' | 'onRequest' | 'preValidation'
>

/**
 * Serve endpoint `e` of `@suite/domain`: path under `/api`, its params, query and body
 * validated with its schemas, its answer serialised with its response schema (and every
 * error answer with `ErrorBody`), its success status set before the handler runs, and the
 * route in the OpenAPI document under its tags.
 */
export function serve<E extends AnyEndpoint>(
  app: App,
  e: E,
  handler: EndpointHandler<E>,
  options: EndpointRouteOptions = {},
): void {
  const response: Record<number, z.ZodType> = { ...ERROR_RESPONSES, ...e.alsoAnswers }
  if (e.responseKind === 'json' && e.response) response[e.status] = e.response
  if (e.responseKind === 'empty') response[e.status] = z.null()
  app.route({
    ...options,
    config: { ...options.config, endpoint: e },
    method: e.method,
    url: `${API_PREFIX}${e.path}`,
    schema: {
      tags: [...e.tags],
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.hidden ? { hide: true } : {}),
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.headers ? { headers: e.headers } : {}),
      ...(e.body && e.request === 'json' ? { body: e.body } : {}),
      response,
    },
    handler: async (req, reply) => {
      if (e.status !== 200) reply.code(e.status)
      return handler(req as unknown as EndpointRequest<E>, reply)
    },
  })
}

/** `/api` routes that are not endpoints of the suite: the OpenAPI document describes the others. */
const NOT_ENDPOINTS = new Set([`${API_PREFIX}/openapi.json`])

/**
 * Refuse, when the server is built, any `/api` route registered without a definition from
 * `@suite/domain` (that is, not through {@link serve}): a path written only on the server is
 * a path the client and the OpenAPI document do not know.
 */
export function refuseUndefinedRoutes(app: App): void {
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path
    if (!url.startsWith(`${API_PREFIX}/`) || NOT_ENDPOINTS.has(url)) return
    if (!route.config?.endpoint) {
      throw new Error(
        `${String(route.method)} ${url} is not served from an endpoint definition: define it in @suite/domain and serve() it`,
      )
    }
  })
}
