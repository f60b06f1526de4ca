import type { SignInApi } from '@suite/ui'
import type { api } from './api'

type Api = typeof api

let loading: Promise<Api> | null = null

/** The app's api client, fetched once (again after a failed fetch). */
export function loadApi(): Promise<Api> {
  loading ??= import('./api').then((m) => m.api, (e: unknown) => { loading = null; throw e })
  return loading
}

/**
 * What the sign-in gate calls: the auth resource of ./api, reached through {@link loadApi}
 * so that the client is fetched alongside the first screen instead of being part of it.
 */
export const signInApi: SignInApi = {
  auth: {
    config: () => loadApi().then((a) => a.auth.config()),
    session: () => loadApi().then((a) => a.auth.session()),
    signInWithCode: (body) => loadApi().then((a) => a.auth.signInWithCode(body)),
    devSignIn: (body) => loadApi().then((a) => a.auth.devSignIn(body)),
    signOut: () => loadApi().then((a) => a.auth.signOut()),
  },
}
