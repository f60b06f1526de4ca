import { authResource, composeApiClient, courtCalendarResource } from '@suite/api-client'
import { createDingTalk, readCorpId } from '@suite/dingtalk'
import { createSessionExpiry } from '@suite/ui'
import { env } from './env'

/** Tells the sign-in gate when the server says the session has ended. */
export const sessionExpiry = createSessionExpiry()

/** The court calendar's API client: only the resources it uses, so only their schemas ship. */
export const api = composeApiClient({ auth: authResource, courtCalendar: courtCalendarResource }, { baseURL: env.VITE_API_BASE, onUnauthenticated: () => sessionExpiry.notify() })

/** What the app calls on the server. */
export type CourtApi = typeof api

/** DingTalk JSAPIs inside the DingTalk client, browser fallbacks elsewhere. */
export const dingtalk = createDingTalk()

/** The org id DingTalk put in the workbench URL (`?corpId=`), read once at start. */
export const urlCorpId = readCorpId()
