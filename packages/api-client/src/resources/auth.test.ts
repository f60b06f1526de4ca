import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { makeSession, makeUser, demoUser } from '@suite/domain/testing'
import { isApiError, type ApiError } from '../api-error'
import { API, errorBody, testClient, useMswServer } from '../test-support'

const server = useMswServer()
const session = makeSession(makeUser(demoUser('u-lee')), { csrfToken: 'csrf-token-lee-0123456789' })

/** Handlers for sign-in, session and sign-out, recording the csrf header of every request. */
function authServer() {
  const csrf: { path: string; token: string | null }[] = []
  const record = (request: Request) =>
    csrf.push({ path: new URL(request.url).pathname, token: request.headers.get('x-csrf-token') })
  server.use(
    http.post(`${API}/auth/dev`, ({ request }) => {
      record(request)
      return HttpResponse.json(session)
    }),
    http.post(`${API}/auth/dingtalk`, ({ request }) => {
      record(request)
      return HttpResponse.json({ ...session, method: 'dingtalk' })
    }),
    http.get(`${API}/auth/session`, ({ request }) => {
      record(request)
      return HttpResponse.json(session)
    }),
    http.post(`${API}/auth/sign-out`, ({ request }) => {
      record(request)
      return new HttpResponse(null, { status: 204 })
    }),
    http.get(`${API}/users`, ({ request }) => {
      record(request)
      return HttpResponse.json({ items: [], nextCursor: null })
    }),
  )
  return csrf
}

describe('auth and CSRF', () => {
  it('sends x-csrf-token on writes after sign-in, never on GET, and forgets it on sign-out', async () => {
    const csrf = authServer()
    const { client } = testClient()
    const signedIn = await client.auth.devSignIn({ userId: 'u-lee' })
    expect(signedIn.user.id).toBe('u-lee')
    expect(client.csrfToken()).toBe(session.csrfToken)
    await client.users.list()
    await client.auth.signOut()
    expect(client.csrfToken()).toBeNull()
    await client.auth.devSignIn({ userId: 'u-lee' })
    expect(csrf).toEqual([
      { path: '/api/auth/dev', token: null },
      { path: '/api/users', token: null },
      { path: '/api/auth/sign-out', token: session.csrfToken },
      { path: '/api/auth/dev', token: null },
    ])
  })

  it('takes the token from signInWithCode and session() too', async () => {
    authServer()
    const { client } = testClient()
    await expect(client.auth.signInWithCode({ corpId: 'dingdemocorp0001', code: 'abc' })).resolves.toMatchObject({
      method: 'dingtalk',
    })
    expect(client.csrfToken()).toBe(session.csrfToken)
    client.setCsrfToken(null)
    await client.auth.session()
    expect(client.csrfToken()).toBe(session.csrfToken)
  })

  it('keeps the token when sign-out fails, since the session still exists', async () => {
    server.use(
      http.post(`${API}/auth/sign-out`, () => HttpResponse.json(errorBody('internal', 'boom'), { status: 500 })),
    )
    const { client } = testClient()
    client.setCsrfToken('csrf-token-kept-0123456789')
    await expect(client.auth.signOut()).rejects.toMatchObject({ code: 'internal' })
    expect(client.csrfToken()).toBe('csrf-token-kept-0123456789')
  })

  it('calls onUnauthenticated once per 401 and rejects with the ApiError', async () => {
    server.use(
      http.get(`${API}/auth/session`, () =>
        HttpResponse.json(errorBody('session_expired', 'Session expired', { requestId: 'req-401' }), { status: 401 }),
      ),
    )
    const onUnauthenticated = vi.fn<(err: ApiError) => void>()
    const { client } = testClient({ onUnauthenticated })
    const e: unknown = await client.auth.session().catch((err: unknown) => err)
    expect(isApiError(e) && e.code).toBe('session_expired')
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    expect(onUnauthenticated.mock.calls[0]?.[0]).toBe(e)
  })

  it('clears the token when sign-out answers 401 (no session left), and a throwing callback does not mask the error', async () => {
    server.use(
      http.post(`${API}/auth/sign-out`, () =>
        HttpResponse.json(errorBody('unauthenticated', 'No session'), { status: 401 }),
      ),
    )
    const { client } = testClient({
      onUnauthenticated: () => {
        throw new Error('bug in the app')
      },
    })
    client.setCsrfToken('csrf-token-stale-0123456789')
    await expect(client.auth.signOut()).rejects.toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(client.csrfToken()).toBeNull()
  })
})
