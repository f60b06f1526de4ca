import { authResource, composeApiClient, type ApiClientOptions } from '@suite/api-client'

/**
 * The portal's API client (session cookie + CSRF header handled inside). The portal only signs
 * people in, so it carries only the auth resource and its schemas, not every area's. The kernel
 * builds it lazily, with the transport options (base URL, session expiry).
 */
export const createApi = (options: ApiClientOptions) => composeApiClient({ auth: authResource }, options)
