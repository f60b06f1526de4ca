import type { SignInDeps } from '@suite/ui'

// The API client (axios, response schemas) is not needed to draw the first screen: it is
// fetched as soon as the app starts, in parallel with the first render, and the sign-in calls
// go through it once it is there. Same client instance (and CSRF token) as the pages use.
const loadApi = () => import('./api').then((m) => m.api)
const ready = loadApi()
ready.catch(() => undefined)
// A failed fetch (flaky network) is retried on the next call rather than remembered.
const client = () => ready.catch(loadApi)

/** The sign-in gate's view of {@link import('./api').api}, loaded on demand. */
export const signInApi: SignInDeps['api'] = {
  auth: {
    config: () => client().then((api) => api.auth.config()),
    session: () => client().then((api) => api.auth.session()),
    signInWithCode: (body) => client().then((api) => api.auth.signInWithCode(body)),
    devSignIn: (body) => client().then((api) => api.auth.devSignIn(body)),
    signOut: () => client().then((api) => api.auth.signOut()),
  },
}
