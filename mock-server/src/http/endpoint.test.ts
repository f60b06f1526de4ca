import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineEndpoint } from '@suite/domain'
import type { App } from '../deps'
import { installErrorHandler } from './error-handler'
import { refuseUndefinedRoutes, serve } from './endpoint'
import { notFound } from './errors'

const tags = ['test']
const Thing = z.object({ id: z.string(), n: z.number().int() })
const thingApi = {
  get: defineEndpoint({
    method: 'GET',
    path: '/things/:thingId',
    tags,
    params: z.object({ thingId: z.string().max(8) }),
    response: Thing,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/things',
    tags,
    body: z.object({ n: z.number().int() }),
    status: 201,
    response: Thing,
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/things/:thingId',
    tags,
    params: z.object({ thingId: z.string() }),
  }),
}

function build(): App {
  const app = Fastify().withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  refuseUndefinedRoutes(app)
  return app
}

describe('serve', () => {
  it('serves a definition under /api: validated input, its success status, its answer schema', async () => {
    const app = build()
    serve(app, thingApi.get, async (req) => {
      if (req.params.thingId === 'gone') throw notFound()
      // A field the schema does not name never reaches the client.
      return { id: req.params.thingId, n: 1, secret: 'x' } as { id: string; n: number }
    })
    serve(app, thingApi.create, async (req) => ({ id: 't1', n: req.body.n }))
    serve(app, thingApi.remove, async () => undefined)
    const get = await app.inject({ method: 'GET', url: '/api/things/a1' })
    expect([get.statusCode, get.json()]).toEqual([200, { id: 'a1', n: 1 }])
    const created = await app.inject({ method: 'POST', url: '/api/things', payload: { n: 2 } })
    expect([created.statusCode, created.json()]).toEqual([201, { id: 't1', n: 2 }])
    expect((await app.inject({ method: 'DELETE', url: '/api/things/a1' })).statusCode).toBe(204)
  })

  it('answers bad input and errors with an ErrorBody', async () => {
    const app = build()
    serve(app, thingApi.get, async (req) => {
      if (req.params.thingId === 'gone') throw notFound()
      return { id: req.params.thingId, n: 1 }
    })
    serve(app, thingApi.create, async (req) => ({ id: 't1', n: req.body.n }))
    const tooLong = await app.inject({ method: 'GET', url: '/api/things/123456789' })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json().error.code).toBe('validation_failed')
    const badBody = await app.inject({ method: 'POST', url: '/api/things', payload: { n: 1.5 } })
    expect([badBody.statusCode, badBody.json().error.fields[0].path]).toEqual([400, 'n'])
    const gone = await app.inject({ method: 'GET', url: '/api/things/gone' })
    expect([gone.statusCode, gone.json().error.code]).toEqual([404, 'not_found'])
  })
})

describe('refuseUndefinedRoutes', () => {
  it('refuses an /api route written without a definition, and leaves other routes alone', () => {
    const app = build()
    expect(() => app.get('/api/things-by-hand', async () => ({}))).toThrow(/not served from an endpoint definition/)
    expect(() => app.get('/healthz', async () => ({}))).not.toThrow()
    expect(() => app.get('/api/openapi.json', async () => ({}))).not.toThrow()
  })
})
