import { adminResource, auditResource, authResource, composeApiClient, lowcodeResource } from '@suite/api-client'
import { dingtalk, sessionExpiry, urlCorpId } from './boot'
import { env } from './env'

export { dingtalk, sessionExpiry, urlCorpId }

/**
 * The admin app's API client (session cookie + CSRF header handled inside). It carries only the
 * resources the admin app uses (and so only their schemas), not every area's. Loaded lazily:
 * the first bundle reaches it through `signInApi` in ./boot.
 */
export const api = composeApiClient(
  { auth: authResource, admin: adminResource, audit: auditResource, lowcode: lowcodeResource },
  { baseURL: env.VITE_API_BASE, onUnauthenticated: () => sessionExpiry.notify() },
)
