import { adminResource, authResource, caseRoomResource, casesResource, composeApiClient, usersResource } from '@suite/api-client'
import { env } from './env'
import { sessionExpiry } from './platform'

/**
 * The case room's API client (session cookie + CSRF header handled inside). It carries only the
 * resources the case room uses, and so only their schemas, not every area's.
 *
 * main.ts loads this module with a dynamic import, in parallel with the first route's page
 * (which the first render waits for anyway), so axios, zod and the schemas stay out of the
 * first bundle. Import it statically only as a type.
 */
export const api = composeApiClient(
  { auth: authResource, caseRoom: caseRoomResource, cases: casesResource, users: usersResource, admin: adminResource },
  { baseURL: env.VITE_API_BASE, onUnauthenticated: () => sessionExpiry.notify() },
)

/** What pages, composables and stores may call: the resources composed above. */
export type CaseRoomApi = typeof api
