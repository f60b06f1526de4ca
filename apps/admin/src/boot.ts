import { createDingTalk, readCorpId } from '@suite/dingtalk'
import { createSessionExpiry, type SignInApi } from '@suite/ui'

/** Tells the sign-in gate when the server says the session has ended. */
export const sessionExpiry = createSessionExpiry()

/** DingTalk JSAPIs inside the DingTalk client, browser fallbacks elsewhere. */
export const dingtalk = createDingTalk()

/** The org id DingTalk put in the workbench URL (`?corpId=`), read once at start. */
export const urlCorpId = readCorpId()

/**
 * The API client (axios, schemas, resources) is not part of the first bundle: it is fetched
 * as the app starts, and the sign-in calls below wait for it. Pages import it from ./api.
 */
export const loadApi = () => import('./api').then((m) => m.api)

/** The sign-in gate's part of the API client, forwarding to the real client once it is loaded. */
export const signInApi: SignInApi = {
  auth: {
    config: () => loadApi().then((api) => api.auth.config()),
    session: () => loadApi().then((api) => api.auth.session()),
    signInWithCode: (body) => loadApi().then((api) => api.auth.signInWithCode(body)),
    devSignIn: (body) => loadApi().then((api) => api.auth.devSignIn(body)),
    signOut: () => loadApi().then((api) => api.auth.signOut()),
  },
}
