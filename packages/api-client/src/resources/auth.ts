import { authApi, type AuthConfig, type DevSignIn, type Session, type SignInWithCode } from '@suite/domain'
import { isApiError } from '../api-error'
import type { Http, RequestOptions } from '../http'

/** Sign-in options, sign-in, the current session, sign-out. Keeps the CSRF token in step. */
export function authResource(http: Http) {
  /** A session answer carries the CSRF token every later write must echo. */
  const remember = (session: Session): Session => {
    http.setCsrfToken(session.csrfToken)
    return session
  }

  return {
    /** Public sign-in options (corp id, whether the dev picker may show). */
    config: (opts?: RequestOptions): Promise<AuthConfig> => http.call(authApi.config, {}, opts),

    /** Exchange a DingTalk `requestAuthCode` code for a session. Never retried: a code works once. */
    signInWithCode: async (body: SignInWithCode, opts?: RequestOptions): Promise<Session> =>
      remember(await http.call(authApi.signInWithCode, { body }, opts)),

    /** Sign in as a demo user; the server answers 404 unless dev sign-in is enabled. */
    devSignIn: async (body: DevSignIn, opts?: RequestOptions): Promise<Session> =>
      remember(await http.call(authApi.devSignIn, { body }, opts)),

    /** The current session (401 `unauthenticated` / `session_expired` when there is none). */
    session: async (opts?: RequestOptions): Promise<Session> => remember(await http.call(authApi.session, {}, opts)),

    /**
     * End the session and forget the CSRF token. On failure the token is kept (the session
     * still exists), unless the server says there is no session anyway (401).
     */
    signOut: async (opts?: RequestOptions): Promise<void> => {
      try {
        await http.call(authApi.signOut, {}, opts)
      } catch (e) {
        if (isApiError(e) && e.status === 401) http.setCsrfToken(null)
        throw e
      }
      http.setCsrfToken(null)
    },
  }
}

/** The `auth` resource of an `ApiClient`. */
export type AuthResource = ReturnType<typeof authResource>
