import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeAuditEntry, makeUser, DEMO_USERS } from '@suite/domain/testing'
import { createApiClient } from './create-api-client'
import { isApiError } from './api-error'
import { API, testClient, useMswServer } from './test-support'

const server = useMswServer()

describe('resources', () => {
  it('users.list sends the query and parses a page of users', async () => {
    let q: string | null = null
    server.use(
      http.get(`${API}/users`, ({ request }) => {
        q = new URL(request.url).searchParams.get('q')
        return HttpResponse.json({
          items: DEMO_USERS.slice(0, 3).map((u) => makeUser(u)),
          nextCursor: 'next',
          total: 10,
        })
      }),
    )
    const page = await testClient().client.users.list({ q: 'chan' })
    expect(q).toBe('chan')
    expect(page).toMatchObject({ nextCursor: 'next', total: 10 })
    expect(page.items.map((u) => u.id)).toEqual(['u-chan', 'u-wong', 'u-lee'])
  })

  it('audit.list and audit.verify parse their answers', async () => {
    server.use(
      http.get(`${API}/audit`, () =>
        HttpResponse.json({ items: [makeAuditEntry(1), makeAuditEntry(2)], nextCursor: null }),
      ),
      http.get(`${API}/audit/verify`, () =>
        HttpResponse.json({
          ok: true,
          checked: 2,
          firstBadSeq: null,
          reason: null,
          headHash: 'a'.repeat(64),
          fromCheckpoint: null,
        }),
      ),
    )
    const { client } = testClient()
    expect((await client.audit.list({ action: 'auth.sign_in' })).items.map((e) => e.seq)).toEqual([1, 2])
    expect(await client.audit.verify()).toMatchObject({ ok: true, checked: 2 })
  })

  it('dingtalk.jsapiSignature posts the url', async () => {
    let body: unknown = null
    server.use(
      http.post(`${API}/dingtalk/jsapi-signature`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({
          agentId: '1',
          corpId: 'dingdemocorp0001',
          timeStamp: 1767574800,
          nonceStr: 'n',
          signature: 'f'.repeat(40),
        })
      }),
    )
    const sig = await testClient().client.dingtalk.jsapiSignature({ url: 'https://suite.test/apps/portal/' })
    expect(body).toEqual({ url: 'https://suite.test/apps/portal/' })
    expect(sig.signature).toHaveLength(40)
  })

  it('audit.exportUrl builds a URL under the base URL without a request', () => {
    expect(createApiClient().audit.exportUrl({ from: '2026-01-01', to: '2026-01-31' })).toBe(
      '/api/audit/export?from=2026-01-01&to=2026-01-31&format=json',
    )
    expect(testClient().client.audit.exportUrl({ from: '2026-01-01', to: '2026-01-31', format: 'csv' })).toBe(
      `${API}/audit/export?from=2026-01-01&to=2026-01-31&format=csv`,
    )
  })

  it('audit.exportUrl rejects a bad window with field errors', () => {
    let e: unknown
    try {
      createApiClient().audit.exportUrl({ from: '1 Jan', to: '2026-01-31' })
    } catch (err) {
      e = err
    }
    expect(isApiError(e) && e.code).toBe('validation_failed')
    expect(isApiError(e) && e.fieldMessage('from')).toBeTruthy()
  })
})
