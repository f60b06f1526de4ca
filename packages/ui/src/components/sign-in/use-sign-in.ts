import type { AuthConfig, DevSignIn, Session, SignInWithCode } from '@suite/domain'
import { getCurrentScope, onScopeDispose, shallowRef, toValue, type MaybeRefOrGetter } from 'vue'

/**
 * The part of `@suite/api-client` the sign-in flow uses. The client keeps its CSRF token
 * in step with these calls itself.
 */
export interface SignInApi {
  auth: {
    config(): Promise<AuthConfig>
    /** The current session; null or a 401 error when there is none. */
    session(): Promise<Session | null>
    signInWithCode(body: SignInWithCode): Promise<Session>
    devSignIn(body: DevSignIn): Promise<Session>
    signOut(): Promise<void>
  }
}

/** The part of `@suite/dingtalk` the sign-in flow uses. */
export interface SignInDingTalk {
  inDingTalk: boolean
  requestAuthCode(corpId: string): Promise<string>
}

/** What {@link useSignIn} needs; apps pass the real api client and DingTalk adapter. */
export interface SignInDeps {
  api: SignInApi
  dingtalk: SignInDingTalk
}

/** Where the boot flow is. `picker` waits for a dev user to be chosen. */
export type SignInState = 'checking' | 'signing_in' | 'picker' | 'signed_in' | 'error'

/** Options of {@link useSignIn}. */
export interface UseSignInOptions {
  /** The org from the workbench URL (`?corpId=`); AuthConfig's corpId when empty. */
  corpId?: MaybeRefOrGetter<string | null | undefined>
  /** Called with each new session before the state becomes `signed_in`. */
  onSignedIn?: (session: Session) => void
  /** Called after a successful sign-out. */
  onSignedOut?: () => void
  /** Start checking right away (default true). */
  immediate?: boolean
}

/** An error of the sign-in flow itself; `code` has a message under `errors.<code>`. */
export class SignInError extends Error {
  override readonly name = 'SignInError'
  constructor(readonly code: 'open_in_dingtalk' | 'missing_corp_id') {
    super(
      code === 'open_in_dingtalk'
        ? 'Open this app from the DingTalk workbench.'
        : 'No DingTalk corpId to sign in with.',
    )
  }
}

/** True for the "not signed in" answers of `GET /api/auth/session`. */
function isNoSession(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { status, code } = error as { status?: unknown; code?: unknown }
  return status === 401 || code === 'unauthenticated' || code === 'session_expired'
}

/**
 * The boot flow of every mini-app: reuse the session cookie if there is one; inside DingTalk
 * exchange a `requestAuthCode` code for a session; in a plain browser offer the dev picker
 * when the server allows it, else ask the user to open the app from the workbench.
 * Every failure lands in `error` and `retry()` starts again.
 */
export function useSignIn(deps: SignInDeps, options: UseSignInOptions = {}) {
  const { api, dingtalk } = deps
  const state = shallowRef<SignInState>('checking')
  const session = shallowRef<Session | null>(null)
  const error = shallowRef<unknown>(null)
  const devUsers = shallowRef<AuthConfig['devUsers']>([])
  /** True while signing in again after the session ended mid-use; the app stays mounted meanwhile. */
  const reauthenticating = shallowRef(false)
  // Each run gets a number; answers of an older run (retry double-tap, unmount) are dropped.
  let run = 0

  function succeed(next: Session): void {
    options.onSignedIn?.(next)
    session.value = next
    error.value = null
    reauthenticating.value = false
    state.value = 'signed_in'
  }

  function fail(id: number, cause: unknown): void {
    if (id !== run) return
    error.value = cause
    state.value = 'error'
  }

  async function existingSession(): Promise<Session | null> {
    try {
      return await api.auth.session()
    } catch (cause) {
      if (isNoSession(cause)) return null
      throw cause
    }
  }

  async function signInWithDingTalk(id: number): Promise<Session | null> {
    const corpId = toValue(options.corpId) || (await api.auth.config()).corpId
    if (id !== run) return null
    if (!corpId) throw new SignInError('missing_corp_id')
    const code = await dingtalk.requestAuthCode(corpId)
    if (id !== run) return null
    return api.auth.signInWithCode({ corpId, code })
  }

  /** Runs the flow from the top; safe to call again at any time. */
  async function start(): Promise<void> {
    const id = ++run
    state.value = 'checking'
    error.value = null
    try {
      const current = await existingSession()
      if (id !== run) return
      if (current) return succeed(current)
      if (dingtalk.inDingTalk) {
        state.value = 'signing_in'
        const next = await signInWithDingTalk(id)
        if (next && id === run) succeed(next)
        return
      }
      const config = await api.auth.config()
      if (id !== run) return
      if (!config.devSignIn) throw new SignInError('open_in_dingtalk')
      devUsers.value = config.devUsers
      state.value = 'picker'
    } catch (cause) {
      fail(id, cause)
    }
  }

  /** Signs in as a dev user chosen in the picker. */
  async function pick(userId: string): Promise<void> {
    const id = ++run
    state.value = 'signing_in'
    try {
      const next = await api.auth.devSignIn({ userId })
      if (id === run) succeed(next)
    } catch (cause) {
      fail(id, cause)
    }
  }

  /** Ends the session on the server, then runs the flow again (the picker, in a browser). */
  async function signOut(): Promise<void> {
    const id = ++run
    try {
      await api.auth.signOut()
    } catch (cause) {
      return fail(id, cause)
    }
    session.value = null
    reauthenticating.value = false
    options.onSignedOut?.()
    await start()
  }

  /**
   * The server said the session is gone (expired, revoked) while the app was in use. Sign in
   * again without unmounting the app, so nothing typed on the page is lost. Ignored outside
   * `signed_in`: during boot a 401 is the normal "no session yet" answer.
   */
  function expired(): void {
    if (state.value !== 'signed_in') return
    reauthenticating.value = true
    void start()
  }

  if (getCurrentScope()) {
    onScopeDispose(() => {
      run++
    })
  }
  if (options.immediate !== false) void start()

  return { state, session, error, devUsers, reauthenticating, start, retry: start, pick, signOut, expired }
}
