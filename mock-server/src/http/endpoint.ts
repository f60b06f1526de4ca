import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify'
import type { z } from 'zod'
import { ERROR_RESPONSES, type AnyEndpoint } from '@suite/domain'
import type { App } from '../deps'

/** Where every endpoint path of `@suite/domain` is served. */
export const API_PREFIX = '/api'

type Out<S> = S extends z.ZodType ? z.output<S> : undefined

/** The request a handler of endpoint `E` gets: params, query and body already validated with its schemas. */
export type EndpointRequest<E extends AnyEndpoint> = FastifyRequest<{ Params: Out<E['params']>; Querystring: Out<E['query']>; Body: Out<E['body']> }>

/** What a handler of `E` answers: the JSON of its response schema, or the reply it sent itself (bytes, text, streams). */
export type EndpointAnswer<E extends AnyEndpoint> = E['responseKind'] extends 'json'
  ? (E['response'] extends z.ZodType ? z.input<E['response']> : never) | FastifyReply
  : FastifyReply | void

export type EndpointHandler<E extends AnyEndpoint> = (req: EndpointRequest<E>, reply: FastifyReply) => Promise<EndpointAnswer<E>>

/** Fastify route options an endpoint may add: rate limits, a body limit, hooks. */
export type EndpointRouteOptions = Pick<RouteShorthandOptions, 'config' | 'bodyLimit' | 'preHandler' | 'onRequest' | 'preValidation'>

/**
 * Serve endpoint `e` of `@suite/domain`: path under `/api`, its params, query and body
 * validated with its schemas, its answer serialised with its response schema (and every
 * error answer with `ErrorBody`), its success status set before the handler runs, and the
 * route in the OpenAPI document under its tags.
 */
export function serve<E extends AnyEndpoint>(app: App, e: E, handler: EndpointHandler<E>, options: EndpointRouteOptions = {}): void {
  const response: Record<number, z.ZodType> = { ...ERROR_RESPONSES }
  if (e.responseKind === 'json' && e.response) response[e.status] = e.response
  app.route({
    ...options,
    method: e.method,
    url: `${API_PREFIX}${e.path}`,
    schema: {
      tags: [...e.tags],
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body && e.request === 'json' ? { body: e.body } : {}),
      response,
    },
    handler: async (req, reply) => {
      if (e.status !== 200) reply.code(e.status)
      return handler(req as unknown as EndpointRequest<E>, reply)
    },
  })
}
