import type { AuthConfig, Session } from '@suite/domain'
import { demoUser, makeSession, makeUser } from '@suite/domain/testing'
import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { SignInError, useSignIn, type SignInDeps } from './use-sign-in'

const session: Session = makeSession()
const devConfig: AuthConfig = {
  corpId: 'dingdemocorp0001',
  devSignIn: true,
  devUsers: [{ id: 'u-lee', name: '李嘉欣 Lee Ka-yan', role: 'associate', title: 'Associate 律師' }],
}

function apiError(status: number, code: string) {
  return Object.assign(new Error(code), { status, code, fields: [], requestId: 'req-1' })
}

/** Fake deps: every method is a vi.fn with a sensible default, overridable per test. */
function fakeDeps(
  overrides: { inDingTalk?: boolean } & Partial<
    Record<keyof SignInDeps['api']['auth'] | 'requestAuthCode', () => Promise<unknown>>
  > = {},
) {
  const deps = {
    api: {
      auth: {
        config: vi.fn(overrides.config ?? (async () => devConfig)),
        session: vi.fn(
          overrides.session ??
            (async () => {
              throw apiError(401, 'unauthenticated')
            }),
        ),
        signInWithCode: vi.fn(overrides.signInWithCode ?? (async () => session)),
        devSignIn: vi.fn(overrides.devSignIn ?? (async () => session)),
        signOut: vi.fn(overrides.signOut ?? (async () => undefined)),
      },
    },
    dingtalk: {
      inDingTalk: overrides.inDingTalk ?? false,
      requestAuthCode: vi.fn(overrides.requestAuthCode ?? (async () => 'auth-code-1')),
    },
  }
  return deps as typeof deps & SignInDeps
}

/** Lets every pending promise of the flow settle. */
async function settle() {
  for (let i = 0; i < 10; i++) await nextTick()
}

describe('useSignIn', () => {
  it('reuses an existing session without asking DingTalk', async () => {
    const deps = fakeDeps({ inDingTalk: true, session: async () => session })
    const onSignedIn = vi.fn()
    const flow = useSignIn(deps, { corpId: 'ding1', onSignedIn })
    expect(flow.state.value).toBe('checking')
    await settle()
    expect(flow.state.value).toBe('signed_in')
    expect(flow.session.value).toEqual(session)
    expect(onSignedIn).toHaveBeenCalledWith(session)
    expect(deps.dingtalk.requestAuthCode).not.toHaveBeenCalled()
  })

  it('treats a null session like a 401', async () => {
    const deps = fakeDeps({ session: async () => null })
    const flow = useSignIn(deps)
    await settle()
    expect(flow.state.value).toBe('picker')
  })

  it('inside DingTalk exchanges an auth code for a session', async () => {
    const deps = fakeDeps({ inDingTalk: true })
    const flow = useSignIn(deps, { corpId: () => 'ding1' })
    await settle()
    expect(deps.dingtalk.requestAuthCode).toHaveBeenCalledWith('ding1')
    expect(deps.api.auth.signInWithCode).toHaveBeenCalledWith({ corpId: 'ding1', code: 'auth-code-1' })
    expect(deps.api.auth.config).not.toHaveBeenCalled()
    expect(flow.state.value).toBe('signed_in')
  })

  it('inside DingTalk without a corpId in the URL uses the server’s corpId', async () => {
    const deps = fakeDeps({ inDingTalk: true })
    useSignIn(deps, { corpId: null })
    await settle()
    expect(deps.dingtalk.requestAuthCode).toHaveBeenCalledWith('dingdemocorp0001')
  })

  it('fails with missing_corp_id when no corpId is known at all', async () => {
    const deps = fakeDeps({ inDingTalk: true, config: async () => ({ ...devConfig, corpId: '' }) })
    const flow = useSignIn(deps)
    await settle()
    expect(flow.state.value).toBe('error')
    expect(flow.error.value).toBeInstanceOf(SignInError)
    expect((flow.error.value as SignInError).code).toBe('missing_corp_id')
  })

  it('shows "signing_in" while DingTalk and the server work', async () => {
    let release!: (code: string) => void
    const deps = fakeDeps({
      inDingTalk: true,
      requestAuthCode: () =>
        new Promise((r) => {
          release = r
        }),
    })
    const flow = useSignIn(deps, { corpId: 'ding1' })
    await settle()
    expect(flow.state.value).toBe('signing_in')
    release('late-code')
    await settle()
    expect(flow.state.value).toBe('signed_in')
  })

  it('keeps a DingTalk failure recoverable: retry signs in', async () => {
    const requestAuthCode = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(Object.assign(new Error('timed out'), { code: 'timeout' }))
      .mockResolvedValueOnce('auth-code-2')
    const deps = fakeDeps({ inDingTalk: true, requestAuthCode })
    const flow = useSignIn(deps, { corpId: 'ding1' })
    await settle()
    expect(flow.state.value).toBe('error')
    expect(flow.error.value).toMatchObject({ code: 'timeout' })
    await flow.retry()
    expect(flow.state.value).toBe('signed_in')
    expect(deps.api.auth.signInWithCode).toHaveBeenLastCalledWith({ corpId: 'ding1', code: 'auth-code-2' })
  })

  it('reports a rejected code (401 from /auth/dingtalk) as an error, not as "no session"', async () => {
    const deps = fakeDeps({
      inDingTalk: true,
      signInWithCode: async () => {
        throw apiError(401, 'unauthenticated')
      },
    })
    const flow = useSignIn(deps, { corpId: 'ding1' })
    await settle()
    expect(flow.state.value).toBe('error')
    expect(flow.error.value).toMatchObject({ code: 'unauthenticated', requestId: 'req-1' })
  })

  it('in a browser with dev sign-in shows the picker, then signs in as the picked user', async () => {
    const deps = fakeDeps()
    const flow = useSignIn(deps)
    await settle()
    expect(flow.state.value).toBe('picker')
    expect(flow.devUsers.value).toEqual(devConfig.devUsers)
    const lee = makeSession(makeUser(demoUser('u-lee')))
    deps.api.auth.devSignIn.mockResolvedValueOnce(lee)
    await flow.pick('u-lee')
    expect(deps.api.auth.devSignIn).toHaveBeenCalledWith({ userId: 'u-lee' })
    expect(flow.state.value).toBe('signed_in')
    expect(flow.session.value).toBe(lee)
  })

  it('keeps a failed dev sign-in recoverable: retry returns to the picker', async () => {
    const deps = fakeDeps({
      devSignIn: async () => {
        throw apiError(404, 'not_found')
      },
    })
    const flow = useSignIn(deps)
    await settle()
    await flow.pick('u-gone')
    expect(flow.state.value).toBe('error')
    await flow.retry()
    expect(flow.state.value).toBe('picker')
  })

  it('in a browser without dev sign-in asks to open the app from the workbench', async () => {
    const deps = fakeDeps({ config: async () => ({ ...devConfig, devSignIn: false, devUsers: [] }) })
    const flow = useSignIn(deps)
    await settle()
    expect(flow.state.value).toBe('error')
    expect(flow.error.value).toMatchObject({ code: 'open_in_dingtalk' })
  })

  it('turns a server failure while checking the session into an error, and retry recovers', async () => {
    const sessionCall = vi
      .fn<() => Promise<Session>>()
      .mockRejectedValueOnce(apiError(502, 'upstream_unavailable'))
      .mockResolvedValueOnce(session)
    const deps = fakeDeps({ session: sessionCall })
    const flow = useSignIn(deps)
    await settle()
    expect(flow.state.value).toBe('error')
    expect(deps.api.auth.config).not.toHaveBeenCalled()
    await flow.retry()
    expect(flow.state.value).toBe('signed_in')
  })

  it('signs out and runs the flow again', async () => {
    const deps = fakeDeps({ session: async () => session })
    const onSignedOut = vi.fn()
    const flow = useSignIn(deps, { onSignedOut })
    await settle()
    deps.api.auth.session.mockRejectedValue(apiError(401, 'unauthenticated'))
    await flow.signOut()
    expect(deps.api.auth.signOut).toHaveBeenCalled()
    expect(onSignedOut).toHaveBeenCalled()
    expect(flow.session.value).toBeNull()
    expect(flow.state.value).toBe('picker')
  })

  it('ignores the answer of a run that a retry replaced', async () => {
    let releaseFirst!: (s: Session) => void
    const sessionCall = vi
      .fn<() => Promise<Session | null>>()
      .mockImplementationOnce(
        () =>
          new Promise((r) => {
            releaseFirst = r
          }),
      )
      .mockResolvedValueOnce(null)
    const deps = fakeDeps({ session: sessionCall })
    const flow = useSignIn(deps)
    await flow.retry()
    expect(flow.state.value).toBe('picker')
    releaseFirst(session)
    await settle()
    expect(flow.state.value).toBe('picker')
    expect(flow.session.value).toBeNull()
  })

  it('waits for start() when immediate is false', async () => {
    const deps = fakeDeps()
    const flow = useSignIn(deps, { immediate: false })
    await settle()
    expect(deps.api.auth.session).not.toHaveBeenCalled()
    await flow.start()
    expect(flow.state.value).toBe('picker')
  })
})

describe('useSignIn: the session ends while the app is in use', () => {
  it('signs in again inside DingTalk and keeps the app mounted meanwhile', async () => {
    let calls = 0
    const deps = fakeDeps({
      inDingTalk: true,
      session: async () => (calls++ === 0 ? session : Promise.reject(apiError(401, 'session_expired'))),
    })
    const flow = useSignIn(deps, { corpId: 'ding1' })
    await settle()
    expect(flow.state.value).toBe('signed_in')
    flow.expired()
    expect(flow.reauthenticating.value).toBe(true)
    expect(flow.session.value).toEqual(session)
    await settle()
    expect(deps.dingtalk.requestAuthCode).toHaveBeenCalledWith('ding1')
    expect(flow.state.value).toBe('signed_in')
    expect(flow.reauthenticating.value).toBe(false)
  })

  it('shows the picker over the app in a browser, and ignores 401s while booting', async () => {
    let calls = 0
    const deps = fakeDeps({
      session: async () => (calls++ === 0 ? session : Promise.reject(apiError(401, 'unauthenticated'))),
    })
    const flow = useSignIn(deps, { immediate: false })
    flow.expired()
    expect(flow.reauthenticating.value).toBe(false)
    await flow.start()
    await settle()
    flow.expired()
    await settle()
    expect(flow.state.value).toBe('picker')
    expect(flow.reauthenticating.value).toBe(true)
    expect(flow.session.value).toEqual(session)
    await flow.pick('u-lee')
    expect(flow.state.value).toBe('signed_in')
    expect(flow.reauthenticating.value).toBe(false)
  })
})
