import { isApiError, type ApiClient } from '@suite/api-client'
import type { Session } from '@suite/domain'
import type { SignInApi } from '@suite/ui'

/** True for the "not signed in" answers (401 `unauthenticated` / `session_expired`). */
function isNoSession(error: unknown): boolean {
  return isApiError(error) && error.status === 401
}

/**
 * The case room's sign-in API for the shared `<SignInGate>`. With no session, this browser's
 * device re-entry credential (left by accepting an invitation or a sign-in link; an httpOnly
 * cookie the app cannot read) is tried before DingTalk or the picker, so an external member whose
 * 12-hour session ended gets back in without a new invitation. Signing out forgets the
 * credential first, or the next start would sign the person straight back in.
 */
export function withReEntry(api: Pick<ApiClient, 'auth' | 'caseRoom'>): SignInApi {
  async function session(): Promise<Session | null> {
    try {
      return await api.auth.session()
    } catch (e) {
      if (!isNoSession(e)) throw e
    }
    try {
      return (await api.caseRoom.reEnter()).session
    } catch (e) {
      // No credential here, or it no longer opens the case room: the ordinary sign-in follows.
      if (isNoSession(e)) return null
      throw e
    }
  }

  async function signOut(): Promise<void> {
    await api.caseRoom.forgetDevice()
    await api.auth.signOut()
  }

  return {
    auth: {
      config: () => api.auth.config(),
      session,
      signInWithCode: (body) => api.auth.signInWithCode(body),
      devSignIn: (body) => api.auth.devSignIn(body),
      signOut,
    },
  }
}
