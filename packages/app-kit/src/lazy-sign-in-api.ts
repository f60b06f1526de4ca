import type { SignInApi } from '@suite/ui'

/**
 * The sign-in gate's view of an API client that is not loaded yet: every call waits for
 * `load()` (the lazy client) and then forwards. The gate can start at once while axios, zod
 * and the schemas arrive in a chunk of their own.
 */
export function lazySignInApi(load: () => Promise<SignInApi>): SignInApi {
  return {
    auth: {
      config: () => load().then((api) => api.auth.config()),
      session: () => load().then((api) => api.auth.session()),
      signInWithCode: (body) => load().then((api) => api.auth.signInWithCode(body)),
      devSignIn: (body) => load().then((api) => api.auth.devSignIn(body)),
      signOut: () => load().then((api) => api.auth.signOut()),
    },
  }
}
