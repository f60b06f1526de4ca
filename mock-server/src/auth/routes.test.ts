import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const mintCode = async (userid: string) =>
  (await t.sim.app.inject({ method: 'POST', url: '/_test/auth-codes', payload: { userid } })).json<{ code: string }>()
    .code

describe('sign-in through DingTalk', () => {
  it('exchanges an auth code for a session cookie and the user', async () => {
    const code = await mintCode('dt-u-lee')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dingtalk',
      payload: { corpId: t.env.DINGTALK_CORP_ID, code },
    })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.user).toMatchObject({ id: 'u-lee', role: 'associate' })
    expect(body.method).toBe('dingtalk')
    const cookie = res.cookies.find((c) => c.name === 'suite_sid')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'None', secure: true, path: '/' })
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `suite_sid=${cookie.value}` },
    })
    expect(me.statusCode).toBe(200)
    expect(me.json().user.id).toBe('u-lee')
  })

  it('refuses a replayed code without calling DingTalk again', async () => {
    const code = await mintCode('dt-u-chan')
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dingtalk',
      payload: { corpId: t.env.DINGTALK_CORP_ID, code },
    })
    expect(first.statusCode).toBe(200)
    const calls = t.sim.state.calls.get('/topapi/v2/user/getuserinfo')
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dingtalk',
      payload: { corpId: t.env.DINGTALK_CORP_ID, code },
    })
    expect(again.statusCode).toBe(401)
    expect(again.json().error.code).toBe('unauthenticated')
    expect(t.sim.state.calls.get('/topapi/v2/user/getuserinfo')).toBe(calls)
  })

  it('refuses a forged code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dingtalk',
      payload: { corpId: t.env.DINGTALK_CORP_ID, code: 'forged-code' },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.requestId).toBe(res.headers['x-request-id'])
  })

  it('refuses a code for another organisation', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dingtalk',
      payload: { corpId: 'someone-else', code: await mintCode('dt-u-lee') },
    })
    expect(res.statusCode).toBe(401)
  })

  it('answers 502 with a clear message while DingTalk is down, then recovers', async () => {
    t.sim.state.faults = { mode: 'server_error', probability: 1, paths: ['/topapi'], delayMs: 0 }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dingtalk',
      payload: { corpId: t.env.DINGTALK_CORP_ID, code: await mintCode('dt-u-lee') },
    })
    expect(res.statusCode).toBe(502)
    expect(res.json().error.code).toBe('upstream_unavailable')
    t.sim.state.faults = { mode: 'none', probability: 1, paths: [], delayMs: 0 }
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dingtalk',
      payload: { corpId: t.env.DINGTALK_CORP_ID, code: await mintCode('dt-u-lee') },
    })
    expect(ok.statusCode).toBe(200)
  })

  it('retries through DingTalk rate limiting (90002) and signs in', async () => {
    t.sim.state.faults = { mode: 'rate_limit', probability: 0.5, paths: ['/topapi'], delayMs: 0 }
    try {
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/auth/dingtalk',
        payload: { corpId: t.env.DINGTALK_CORP_ID, code: await mintCode('dt-u-cheung') },
      })
      expect(ok.statusCode).toBe(200)
    } finally {
      t.sim.state.faults = { mode: 'none', probability: 1, paths: [], delayMs: 0 }
    }
  })

  it('records every sign-in in the audit chain', async () => {
    const { rows } = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.sign_in'",
    )
    expect(rows[0]!.n).toBeGreaterThanOrEqual(3)
  })
})

describe('sessions', () => {
  it('401 without a cookie, and for a forged (unsigned) cookie', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401)
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: 'suite_sid=abc.def' },
    })
    expect(forged.statusCode).toBe(401)
    expect(forged.json().error.code).toBe('unauthenticated')
  })

  it('an expired session answers session_expired', async () => {
    const c = await t.signIn('u-lee')
    t.setNow(new Date(Date.now() + (t.env.SESSION_TTL_MINUTES + 1) * 60_000))
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: c.headers })
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('session_expired')
    } finally {
      t.setNow(null)
    }
  })

  it('a write without the CSRF token is refused', async () => {
    const c = await t.signIn('u-lee')
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: c.cookie } })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('csrf_failed')
  })

  it('sign-out ends the session', async () => {
    const c = await t.signIn('u-lee')
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: c.headers })).statusCode).toBe(204)
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: c.headers })).statusCode).toBe(401)
  })

  it('deactivating a user ends their sessions at once', async () => {
    const c = await t.signIn('u-cheung')
    await t.db.query('UPDATE users SET active = false WHERE id = $1', ['u-cheung'])
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: c.headers })).statusCode).toBe(401)
    } finally {
      await t.db.query('UPDATE users SET active = true WHERE id = $1', ['u-cheung'])
    }
  })
})

describe('dev sign-in', () => {
  it('lists demo users in the auth config only when enabled', async () => {
    const cfg = (await t.app.inject({ method: 'GET', url: '/api/auth/config' })).json()
    expect(cfg.devSignIn).toBe(true)
    expect(cfg.devUsers.map((u: { id: string }) => u.id)).toContain('u-client-tse')
  })

  it('does not exist unless explicitly enabled', async () => {
    const off = await createTestApp({ env: { DEV_SIGN_IN: 'false' } })
    try {
      const res = await off.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { userId: 'u-chan' } })
      expect(res.statusCode).toBe(404)
      expect((await off.app.inject({ method: 'GET', url: '/api/auth/config' })).json().devUsers).toEqual([])
    } finally {
      await off.close()
    }
  })

  it('rate-limits sign-in attempts', async () => {
    const limited = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' } })
    try {
      const codes = []
      for (let i = 0; i < 5; i++)
        codes.push(
          (await limited.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { userId: 'nobody' } }))
            .statusCode,
        )
      expect(codes.slice(0, 3)).toEqual([400, 400, 400])
      expect(codes[4]).toBe(429)
      const body = (
        await limited.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { userId: 'nobody' } })
      ).json()
      expect(body.error.code).toBe('rate_limited')
    } finally {
      await limited.close()
    }
  })
})

describe('JSAPI signature', () => {
  it('signs the page URL on the server; the ticket never appears in the answer', async () => {
    const c = await t.signIn('u-lee')
    // Without PUBLIC_URL a development server's public origin is http://HOST:PORT.
    const url = 'http://127.0.0.1:8080/apps/case-room/?corpId=dingdemocorp0001#/cases'
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dingtalk/jsapi-signature',
      headers: c.headers,
      payload: { url },
    })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.signature).toMatch(/^[0-9a-f]{40}$/)
    const ticket = [...t.sim.state.tickets.keys()][0]!
    expect(res.body).not.toContain(ticket)
    const { jsapiSignature } = await import('../dingtalk/signature')
    expect(body.signature).toBe(
      jsapiSignature(
        ticket,
        body.nonceStr,
        body.timeStamp,
        'http://127.0.0.1:8080/apps/case-room/?corpId=dingdemocorp0001',
      ),
    )
  })

  it('refuses to sign a foreign URL', async () => {
    const c = await t.signIn('u-lee')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dingtalk/jsapi-signature',
      headers: { ...c.headers, host: 'localhost' },
      payload: { url: 'https://evil.example/' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields[0].path).toBe('url')
  })

  it('takes the allowed origin from the configuration, never from Host or X-Forwarded-Host', async () => {
    const c = await t.signIn('u-lee')
    for (const headers of [
      { host: 'evil.example' },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      { forwarded: 'host=evil.example;proto=https' },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/dingtalk/jsapi-signature',
        headers: { ...c.headers, ...headers },
        payload: { url: 'https://evil.example/apps/case-room/' },
      })
      expect(res.statusCode, JSON.stringify(headers)).toBe(400)
    }
  })
})
