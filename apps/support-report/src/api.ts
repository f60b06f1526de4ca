import { authResource, composeApiClient, supportResource, type ApiClientOptions } from '@suite/api-client'

/**
 * The report app's API client (session cookie + CSRF header handled inside): sign-in and the
 * support resource. The kernel loads this module lazily, in parallel with the first screen, so
 * axios and the schemas stay out of the first bundle: import it only as a type.
 */
export const createApi = (options: ApiClientOptions) =>
  composeApiClient({ auth: authResource, support: supportResource }, options)

/** What the app calls on the server. */
export type SupportApi = ReturnType<typeof createApi>

declare module '@suite/app-kit' {
  /** What the report app's pages reach the server through; tests provide fakes. */
  interface AppDeps {
    api: Pick<SupportApi, 'support'>
  }
}
