import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineEndpoint } from '@suite/domain'
import { isApiError } from './api-error'
import { API, testClient, useMswServer } from './test-support'

const server = useMswServer()
const tags = ['test']
const Thing = z.object({ id: z.string(), n: z.number() })
const thingApi = {
  get: defineEndpoint({
    method: 'GET',
    path: '/things/:thingId',
    tags,
    params: z.object({ thingId: z.string() }),
    query: z.object({ q: z.string().optional() }),
    response: Thing,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/things',
    tags,
    body: z.object({ n: z.number() }),
    status: 201,
    response: Thing,
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/things/:thingId',
    tags,
    params: z.object({ thingId: z.string() }),
  }),
  image: defineEndpoint({
    method: 'GET',
    path: '/things/:thingId/image',
    tags,
    params: z.object({ thingId: z.string() }),
    responseKind: 'bytes',
    contentType: 'image/jpeg',
  }),
  csv: defineEndpoint({ method: 'GET', path: '/things.csv', tags, responseKind: 'text', contentType: 'text/csv' }),
  upload: defineEndpoint({ method: 'POST', path: '/things/upload', tags, request: 'multipart', response: Thing }),
  raw: defineEndpoint({ method: 'POST', path: '/things/raw', tags, request: 'bytes', response: Thing }),
}

describe('http.call', () => {
  it('fills and encodes the path, sends the query, parses the answer', async () => {
    let seen = ''
    server.use(
      http.get(`${API}/things/:id`, ({ request, params }) => {
        seen = `${String(params.id)}|${new URL(request.url).search}`
        return HttpResponse.json({ id: String(params.id), n: 1 })
      }),
    )
    const { client } = testClient()
    await expect(client.call(thingApi.get, { params: { thingId: 'a/b c' }, query: { q: '黃' } })).resolves.toEqual({
      id: 'a/b c',
      n: 1,
    })
    expect(seen).toBe(`a/b c|?q=${encodeURIComponent('黃')}`)
  })

  it('sends a JSON body with the CSRF header, and an answer that does not match its schema is malformed_response', async () => {
    server.use(
      http.post(`${API}/things`, async ({ request }) => {
        const body = (await request.json()) as { n: number }
        return HttpResponse.json(
          { id: request.headers.get('x-csrf-token'), n: body.n === 2 ? 'two' : body.n },
          { status: 201 },
        )
      }),
    )
    const { client } = testClient()
    client.setCsrfToken('tok')
    await expect(client.call(thingApi.create, { body: { n: 1 } })).resolves.toEqual({ id: 'tok', n: 1 })
    const e = await client.call(thingApi.create, { body: { n: 2 } }).catch((err: unknown) => err)
    expect(isApiError(e) && e.code).toBe('malformed_response')
  })

  it('reads no body, bytes as a Blob of the endpoint type, and text as a string', async () => {
    server.use(
      http.delete(`${API}/things/:id`, () => new HttpResponse(null, { status: 204 })),
      http.get(`${API}/things/:id/image`, () => HttpResponse.arrayBuffer(new Uint8Array([1, 2, 3]).buffer)),
      http.get(`${API}/things.csv`, () => HttpResponse.text('a,b\r\n1,2\r\n')),
    )
    const { client } = testClient()
    await expect(client.call(thingApi.remove, { params: { thingId: 'x' } })).resolves.toBeUndefined()
    const blob = await client.call(thingApi.image, { params: { thingId: 'x' } })
    expect([blob.type, blob.size]).toEqual(['image/jpeg', 3])
    await expect(client.call(thingApi.csv)).resolves.toBe('a,b\r\n1,2\r\n')
  })

  it('sends FormData as multipart and a Blob as raw bytes with its own type', async () => {
    server.use(
      http.post(`${API}/things/upload`, async ({ request }) => {
        const form = await request.formData()
        return HttpResponse.json({
          id: String(request.headers.get('content-type')?.split(';')[0]),
          n: (form.get('file') as File).size,
        })
      }),
      http.post(`${API}/things/raw`, async ({ request }) =>
        HttpResponse.json({
          id: String(request.headers.get('content-type')),
          n: (await request.arrayBuffer()).byteLength,
        }),
      ),
    )
    const { client } = testClient()
    const form = new FormData()
    form.append('file', new Blob(['hello']), 'a.txt')
    await expect(client.call(thingApi.upload, { body: form })).resolves.toEqual({ id: 'multipart/form-data', n: 5 })
    await expect(client.call(thingApi.raw, { body: new Blob(['12345678'], { type: 'image/png' }) })).resolves.toEqual({
      id: 'image/png',
      n: 8,
    })
  })

  it('builds links with the same path and query', () => {
    const { client } = testClient()
    expect(client.href(thingApi.get, { params: { thingId: 'x y' }, query: { q: 'a&b' } })).toBe(
      `${API}/things/x%20y?q=a%26b`,
    )
  })
})
