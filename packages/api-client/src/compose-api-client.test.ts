import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeSession } from '@suite/domain/testing'
import { composeApiClient } from './compose-api-client'
import { authResource } from './resources/auth'
import { usersResource } from './resources/users'
import { API, useMswServer } from './test-support'

const server = useMswServer()
const session = makeSession()

describe('composeApiClient', () => {
  it('has only the named resources, sharing one transport and its CSRF token', async () => {
    const seen: (string | null)[] = []
    server.use(
      http.post(`${API}/auth/dev`, () => HttpResponse.json(session)),
      http.get(`${API}/users`, ({ request }) => {
        seen.push(request.headers.get('x-csrf-token'))
        return HttpResponse.json({ items: [], nextCursor: null })
      }),
      http.post(`${API}/auth/sign-out`, ({ request }) => {
        seen.push(request.headers.get('x-csrf-token'))
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const client = composeApiClient({ auth: authResource, users: usersResource }, { baseURL: API, retries: 0 })
    expect(Object.keys(client)).toEqual(
      expect.arrayContaining(['request', 'setCsrfToken', 'csrfToken', 'uri', 'auth', 'users']),
    )
    expect(client).not.toHaveProperty('caseRoom')
    await client.auth.devSignIn({ userId: session.user.id })
    expect(client.csrfToken()).toBe(session.csrfToken)
    await client.users.list()
    await client.auth.signOut()
    expect(seen).toEqual([null, session.csrfToken])
  })
})
