import { createHttp, type ApiClientOptions } from './http'
import { auditResource } from './resources/audit'
import { authResource } from './resources/auth'
import { casesResource } from './resources/cases'
import { dingtalkResource } from './resources/dingtalk'
import { usersResource } from './resources/users'

/**
 * Create an app's API client: one axios instance plus typed resources
 * (`client.cases.list()`), and the generic `client.request(schema, config, opts)` for
 * endpoints that have no resource yet. Add a resource as a file under `resources/` and one
 * line here.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const http = createHttp(options)
  return {
    ...http,
    auth: authResource(http),
    dingtalk: dingtalkResource(http),
    users: usersResource(http),
    cases: casesResource(http),
    audit: auditResource(http),
  }
}

/** What {@link createApiClient} returns; pass it into composables so tests can swap it. */
export type ApiClient = ReturnType<typeof createApiClient>
