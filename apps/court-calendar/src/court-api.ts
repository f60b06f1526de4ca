import { courtCalendarResource } from '@suite/api-client'
import { api, type CourtApi } from './api'

/**
 * The court calendar's API client: the sign-in client's transport (same session, CSRF handling,
 * retries and expiry notice) plus the court calendar resource. Imported only by the lazy shell,
 * so the resource's schemas are not part of the first bundle.
 */
export const courtApi: CourtApi = { ...api, courtCalendar: courtCalendarResource(api) }
