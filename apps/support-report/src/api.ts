import { createApiClient } from '@suite/api-client'
import { createDingTalk, readCorpId } from '@suite/dingtalk'
import { env } from './env'

/** The app's API client (session cookie + CSRF header handled inside). */
export const api = createApiClient({ baseURL: env.VITE_API_BASE })

/** DingTalk JSAPIs inside the DingTalk client, browser fallbacks elsewhere. */
export const dingtalk = createDingTalk()

/** The org id DingTalk put in the workbench URL (`?corpId=`), read once at start. */
export const urlCorpId = readCorpId()
