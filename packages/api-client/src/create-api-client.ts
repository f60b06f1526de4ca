import { createHttp, type ApiClientOptions } from './http'
import { auditResource } from './resources/audit'
import { adminResource } from './resources/admin'
import { lowcodeResource } from './resources/lowcode'
import { authResource } from './resources/auth'
import { casesResource } from './resources/cases'
import { caseRoomResource } from './resources/case-room'
import { dingtalkResource } from './resources/dingtalk'
import { usersResource } from './resources/users'
import { supportResource } from './resources/support'
import { classifierResource } from './resources/classifier'
import { courtCalendarResource } from './resources/court-calendar'
import { portalResource } from './resources/portal'

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
    caseRoom: caseRoomResource(http),
    audit: auditResource(http),
    admin: adminResource(http),
    lowcode: lowcodeResource(http),
    support: supportResource(http),
    classifier: classifierResource(http),
    courtCalendar: courtCalendarResource(http),
    portal: portalResource(http),
  }
}

/** What {@link createApiClient} returns; pass it into composables so tests can swap it. */
export type ApiClient = ReturnType<typeof createApiClient>
