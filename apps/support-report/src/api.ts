import { authResource, composeApiClient } from '@suite/api-client'
import { env } from './env'

/**
 * The app's API client (session cookie + CSRF header handled inside) with the auth resource;
 * the support resource is added on the same transport in ./support-api. The client (axios,
 * the response schemas) is not part of the first bundle: App.vue fetches it at boot and the
 * sign-in flow reaches it through ./sign-in-api.
 */
export const api = composeApiClient({ auth: authResource }, { baseURL: env.VITE_API_BASE })
