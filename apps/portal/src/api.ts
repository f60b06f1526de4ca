import { authResource, composeApiClient, portalResource, type ApiClientOptions } from '@suite/api-client'

/**
 * The portal's API client (session cookie + CSRF header handled inside): sign-in and the portal's
 * "today". The kernel builds it lazily, with the transport options (base URL, session expiry).
 */
export const createApi = (options: ApiClientOptions) =>
  composeApiClient({ auth: authResource, portal: portalResource }, options)

/** What the portal calls on the server. */
export type PortalApi = ReturnType<typeof createApi>

declare module '@suite/app-kit' {
  /** What the portal's pages reach the outside world through; tests provide fakes. */
  interface AppDeps {
    api: Pick<PortalApi, 'portal'>
  }
}
