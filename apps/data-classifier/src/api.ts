import { authResource, classifierResource, composeApiClient, type ApiClientOptions } from '@suite/api-client'

/**
 * The classifier's API client. Only the final report (masked) ever goes through it. It carries
 * only the resources this app uses (auth for sign-in, classifier), not every area's schemas.
 * The kernel loads this module lazily: import it only as a type.
 */
export const createApi = (options: ApiClientOptions) =>
  composeApiClient({ auth: authResource, classifier: classifierResource }, options)

/** What the app calls on the server. */
export type ClassifierApi = ReturnType<typeof createApi>

declare module '@suite/app-kit' {
  /** What the classifier's pages reach the server through; tests provide fakes. */
  interface AppDeps {
    api: Pick<ClassifierApi, 'classifier'>
  }
}
