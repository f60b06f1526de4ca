import { ApiError } from '@suite/api-client'
import { fakeApi } from '@suite/app-kit/testing'
import { makeSession } from '@suite/domain/testing'
import { describe, expect, it, vi } from 'vitest'
import { withReEntry } from './with-re-entry'

const noSession = () => new ApiError({ status: 401, code: 'session_expired', message: 'expired' })
const refused = () => new ApiError({ status: 401, code: 'unauthenticated', message: 'no saved access' })

function apiWith(o: {
  session?: () => Promise<unknown>
  reEnter?: () => Promise<unknown>
  forgetDevice?: () => Promise<unknown>
  signOut?: () => Promise<unknown>
}) {
  const calls: string[] = []
  const track = (name: string, fn: () => Promise<unknown>) =>
    vi.fn(async () => {
      calls.push(name)
      return fn()
    })
  const api = {
    auth: {
      config: vi.fn(),
      signInWithCode: vi.fn(),
      devSignIn: vi.fn(),
      session: track(
        'session',
        o.session ??
          (async () => {
            throw noSession()
          }),
      ),
      signOut: track('signOut', o.signOut ?? (async () => undefined)),
    },
    caseRoom: {
      reEnter: track(
        'reEnter',
        o.reEnter ??
          (async () => {
            throw refused()
          }),
      ),
      forgetDevice: track('forgetDevice', o.forgetDevice ?? (async () => undefined)),
    },
  }
  return { api, calls, signIn: withReEntry(fakeApi(api)) }
}

describe('withReEntry', () => {
  it('keeps a live session and never touches the device credential', async () => {
    const s = makeSession()
    const { signIn, calls } = apiWith({ session: async () => s })
    expect(await signIn.auth.session()).toBe(s)
    expect(calls).toEqual(['session'])
  })

  it('with the session gone, opens a new one with the device credential', async () => {
    const s = makeSession(undefined, { method: 'invitation' })
    const { signIn, calls } = apiWith({ reEnter: async () => ({ session: s, caseId: 'case-hca-1234' }) })
    expect(await signIn.auth.session()).toBe(s)
    expect(calls).toEqual(['session', 'reEnter'])
  })

  it('falls through to the ordinary sign-in when the credential is missing or refused', async () => {
    const { signIn } = apiWith({})
    expect(await signIn.auth.session()).toBeNull()
  })

  it('reports other failures (e.g. the server is down) instead of hiding them', async () => {
    const down = new ApiError({ status: 502, code: 'upstream_unavailable', message: 'down' })
    await expect(
      apiWith({
        reEnter: async () => {
          throw down
        },
      }).signIn.auth.session(),
    ).rejects.toBe(down)
    await expect(
      apiWith({
        session: async () => {
          throw down
        },
      }).signIn.auth.session(),
    ).rejects.toBe(down)
  })

  it('signing out forgets the device first, so the next start does not sign straight back in', async () => {
    const { signIn, calls } = apiWith({})
    await signIn.auth.signOut()
    expect(calls).toEqual(['forgetDevice', 'signOut'])
    const failing = apiWith({
      forgetDevice: async () => {
        throw new ApiError({ status: 0, code: 'network_error', message: 'offline' })
      },
    })
    await expect(failing.signIn.auth.signOut()).rejects.toBeInstanceOf(ApiError)
    expect(failing.calls).toEqual(['forgetDevice'])
  })
})
