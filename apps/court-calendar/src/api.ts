import { authResource, composeApiClient, type CourtCalendarResource } from '@suite/api-client'
import { env } from './env'
import { sessionExpiry } from './platform'

/**
 * The transport (session cookie + CSRF header handled inside) and the sign-in resource. The
 * client (axios, the response schemas) is not part of the first bundle: App.vue fetches it at
 * boot and the sign-in flow reaches it through ./sign-in-api. The court calendar resource is
 * added on this same transport by the lazy shell (see ./court-api).
 */
export const api = composeApiClient({ auth: authResource }, { baseURL: env.VITE_API_BASE, onUnauthenticated: () => sessionExpiry.notify() })

/** What the app calls on the server. */
export type CourtApi = typeof api & { courtCalendar: CourtCalendarResource }
