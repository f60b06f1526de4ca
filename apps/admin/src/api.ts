import { createApiClient } from '@suite/api-client'
import { createDingTalk, readCorpId } from '@suite/dingtalk'
import { createSessionExpiry } from '@suite/ui'
import { env } from './env'

/** Tells the sign-in gate when the server says the session has ended. */
export const sessionExpiry = createSessionExpiry()

/** The admin app's API client (session cookie + CSRF header handled inside). */
export const api = createApiClient({ baseURL: env.VITE_API_BASE, onUnauthenticated: () => sessionExpiry.notify() })

/** DingTalk JSAPIs inside the DingTalk client, browser fallbacks elsewhere. */
export const dingtalk = createDingTalk()

/** The org id DingTalk put in the workbench URL (`?corpId=`), read once at start. */
export const urlCorpId = readCorpId()
