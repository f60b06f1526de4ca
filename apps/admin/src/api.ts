import {
  adminResource,
  auditResource,
  authResource,
  composeApiClient,
  lowcodeResource,
  type ApiClientOptions,
} from '@suite/api-client'
import type { DingTalk } from '@suite/dingtalk'

/**
 * The admin app's API client (session cookie + CSRF header handled inside). It carries only the
 * resources the admin app uses (and so only their schemas), not every area's. The kernel loads
 * this module lazily, in parallel with the first screen: import it only as a type.
 */
export const createApi = (options: ApiClientOptions) =>
  composeApiClient(
    { auth: authResource, admin: adminResource, audit: auditResource, lowcode: lowcodeResource },
    options,
  )

/** What the admin screens call on the server. */
export type AdminApi = ReturnType<typeof createApi>

declare module '@suite/app-kit' {
  /** What the admin screens reach the outside world through. */
  interface AppDeps {
    api: AdminApi
    dingtalk: DingTalk
  }
}
