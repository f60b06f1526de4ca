import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeCaseDetail, makeDocument, makeSession } from '@suite/domain/testing'
import { isApiError } from '../api-error'
import { API, errorBody, testClient, useMswServer } from '../test-support'

const server = useMswServer()

describe('caseRoom resource', () => {
  it('parses a case with the caller’s abilities', async () => {
    server.use(
      http.get(`${API}/cases/case-hca-1234`, () =>
        HttpResponse.json(
          makeCaseDetail({ role: 'client', membership: { status: 'active', tierCeiling: 'restricted' } }),
        ),
      ),
    )
    const c = await testClient().client.caseRoom.get('case-hca-1234')
    expect(c.me.visibleTiers).toEqual(['public', 'restricted'])
    expect(c.me.actions.restricted).toEqual(['list', 'view', 'comment'])
  })

  it('uploads a file as multipart with the tier in the query and the CSRF header', async () => {
    let seen: { tier: string | null; csrf: string | null; name: string | null; type: string | null } | null = null
    server.use(
      http.post(`${API}/cases/c1/documents`, async ({ request }) => {
        const form = await request.formData()
        const file = form.get('file') as File
        seen = {
          tier: new URL(request.url).searchParams.get('tier'),
          csrf: request.headers.get('x-csrf-token'),
          name: file.name,
          type: request.headers.get('content-type'),
        }
        return HttpResponse.json(makeDocument(), { status: 201 })
      }),
    )
    const { client } = testClient()
    client.setCsrfToken('csrf-abc-0123456789')
    const doc = await client.caseRoom.documents.upload('c1', 'restricted', new Blob(['%PDF-1.7']), 'draft.pdf')
    expect(doc.id).toBe('doc-1')
    expect(seen).toMatchObject({
      tier: 'restricted',
      csrf: 'csrf-abc-0123456789',
      name: 'draft.pdf',
      type: expect.stringContaining('multipart/form-data'),
    })
  })

  it('sends the title and the uploader’s “notify” choice; no choice means no notification', async () => {
    const seen: { title: string | null; notify: string | null }[] = []
    server.use(
      http.post(`${API}/cases/c1/documents`, ({ request }) => {
        const q = new URL(request.url).searchParams
        seen.push({ title: q.get('title'), notify: q.get('notify') })
        return HttpResponse.json(makeDocument(), { status: 201 })
      }),
    )
    const { client } = testClient()
    await client.caseRoom.documents.upload('c1', 'public', new Blob(['x']), 'a.pdf', { title: 'Bundle', notify: true })
    await client.caseRoom.documents.upload('c1', 'public', new Blob(['x']), 'b.pdf')
    expect(seen).toEqual([
      { title: 'Bundle', notify: 'true' },
      { title: null, notify: 'false' },
    ])
  })

  it('fetches a watermarked page as a Blob, and a 404 for a hidden document as ApiError', async () => {
    server.use(
      http.get(
        `${API}/cases/c1/documents/d1/pages/1`,
        () => new HttpResponse(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), { headers: { 'content-type': 'image/jpeg' } }),
      ),
      http.get(`${API}/cases/c1/documents/d2/pages/1`, () =>
        HttpResponse.json(errorBody('not_found', 'Document not found'), { status: 404 }),
      ),
    )
    const { client } = testClient({ retries: 0 })
    const blob = await client.caseRoom.documents.page('c1', 'd1', 1)
    expect(blob.size).toBe(4)
    const err = await client.caseRoom.documents.page('c1', 'd2', 1).catch((e: unknown) => e)
    expect(isApiError(err) && err.code).toBe('not_found')
  })

  it('accepting an invitation keeps the new session’s CSRF token', async () => {
    const session = makeSession(undefined, { method: 'invitation', csrfToken: 'csrf-invited-0123456789' })
    server.use(http.post(`${API}/invitations/accept`, () => HttpResponse.json({ session, caseId: 'case-hca-1234' })))
    const { client } = testClient()
    const res = await client.caseRoom.invitations.accept('t'.repeat(43), '123456')
    expect(res.caseId).toBe('case-hca-1234')
    expect(client.csrfToken()).toBe('csrf-invited-0123456789')
  })

  it('re-entry and a redeemed sign-in link keep the new session’s CSRF token; a refused re-entry is a 401 ApiError', async () => {
    const session = makeSession(undefined, { method: 'invitation', csrfToken: 'csrf-reentered-0123456789' })
    let body: unknown = null
    server.use(
      http.post(`${API}/case-room/re-entry`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ session, caseId: 'case-hca-1234' })
      }),
      http.post(`${API}/sign-in-links/redeem`, () =>
        HttpResponse.json({ session: { ...session, csrfToken: 'csrf-redeemed-0123456789' }, caseId: 'case-hca-1234' }),
      ),
    )
    const { client } = testClient()
    expect((await client.caseRoom.reEnter()).caseId).toBe('case-hca-1234')
    expect(body).toEqual({})
    expect(client.csrfToken()).toBe('csrf-reentered-0123456789')
    await client.caseRoom.signInLinks.redeem('t'.repeat(43))
    expect(client.csrfToken()).toBe('csrf-redeemed-0123456789')
    server.use(
      http.post(`${API}/case-room/re-entry`, () =>
        HttpResponse.json(errorBody('unauthenticated', 'No saved access'), { status: 401 }),
      ),
    )
    const err = await client.caseRoom.reEnter().catch((e: unknown) => e)
    expect(isApiError(err) && err.status).toBe(401)
  })

  it('sends comments to the path of their target: a document, a timeline entry or a tier\u2019s thread', async () => {
    const comment = {
      id: 'cmt-1',
      authorId: 'u-lee',
      authorName: 'Lee',
      authorRole: 'associate',
      body: 'Noted',
      page: null,
      createdAt: '2026-03-02T02:00:00.000Z',
    }
    const seen: string[] = []
    server.use(
      http.get(`${API}/cases/c1/:kind/:id/comments`, ({ params }) => {
        seen.push(`GET ${String(params.kind)}/${String(params.id)}`)
        return HttpResponse.json({ items: [comment] })
      }),
      http.post(`${API}/cases/c1/:kind/:id/comments`, ({ params }) => {
        seen.push(`POST ${String(params.kind)}/${String(params.id)}`)
        return HttpResponse.json(comment, { status: 201 })
      }),
    )
    const { client } = testClient()
    expect(await client.caseRoom.comments.list('c1', { type: 'document', id: 'd/1' })).toHaveLength(1)
    await client.caseRoom.comments.list('c1', { type: 'event', id: 'evt-1' })
    expect(
      (await client.caseRoom.comments.create('c1', { type: 'thread', tier: 'private' }, { body: 'Noted' })).id,
    ).toBe('cmt-1')
    // msw hands out the decoded parameter; `d/1` matched one path segment, so it was sent encoded.
    expect(seen).toEqual(['GET documents/d/1', 'GET events/evt-1', 'POST threads/private'])
  })

  it('answers nothing for a revocation (204) and the list of members after adding', async () => {
    server.use(
      http.delete(`${API}/cases/c1/members/u-lee`, () => new HttpResponse(null, { status: 204 })),
      http.post(`${API}/cases/c1/members`, () => HttpResponse.json({ items: [] })),
    )
    const { client } = testClient()
    await expect(client.caseRoom.members.revoke('c1', 'u-lee')).resolves.toBeUndefined()
    await expect(client.caseRoom.members.add('c1', { userIds: ['u-lee'], tierCeiling: 'private' })).resolves.toEqual([])
  })

  it('builds the original file URL without sending a request', () => {
    expect(testClient().client.caseRoom.documents.originalUrl('c 1', 'd/1')).toBe(
      `${API}/cases/c%201/documents/d%2F1/original`,
    )
  })
})
