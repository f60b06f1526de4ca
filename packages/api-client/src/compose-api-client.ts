import { createHttp, type ApiClientOptions, type Http } from './http'

/** Builds one resource (`authResource`, `caseRoomResource`, ...) on the shared transport. */
export type ResourceFactory = (http: Http) => object

/** The client {@link composeApiClient} returns: the transport plus each resource under its key. */
export type ComposedApiClient<R extends Record<string, ResourceFactory>> = Http & { [K in keyof R]: ReturnType<R[K]> }

/**
 * An API client with only the resources an app uses. `createApiClient()` carries every
 * resource and so every area's response schemas into each app's first bundle; an app that
 * names its resources here ships only theirs (the package is side-effect free, so the rest
 * is tree-shaken). Same transport, CSRF handling, retries and errors as `createApiClient`.
 *
 * @example
 * export const api = composeApiClient({ auth: authResource, caseRoom: caseRoomResource }, { baseURL: '/api' })
 */
export function composeApiClient<R extends Record<string, ResourceFactory>>(
  resources: R,
  options: ApiClientOptions = {},
): ComposedApiClient<R> {
  const http = createHttp(options)
  const built = Object.fromEntries(Object.entries(resources).map(([key, make]) => [key, make(http)]))
  return { ...http, ...built } as ComposedApiClient<R>
}
