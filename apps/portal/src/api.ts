import { authResource, composeApiClient } from '@suite/api-client'
import { createDingTalk, readCorpId } from '@suite/dingtalk'
import { createSessionExpiry } from '@suite/ui'
import { env } from './env'

/** Tells the sign-in gate when the server says the session has ended. */
export const sessionExpiry = createSessionExpiry()

/**
 * The portal's API client (session cookie + CSRF header handled inside). The portal only signs
 * people in, so it carries only the auth resource and its schemas, not every area's.
 */
export const api = composeApiClient({ auth: authResource }, { baseURL: env.VITE_API_BASE, onUnauthenticated: () => sessionExpiry.notify() })

/** DingTalk JSAPIs inside the DingTalk client, browser fallbacks elsewhere. */
export const dingtalk = createDingTalk()

/** The org id DingTalk put in the workbench URL (`?corpId=`), read once at start. */
export const urlCorpId = readCorpId()
