import { portalApi, type PortalToday } from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/** The portal's first screen. */
export function portalResource(http: Http) {
  return {
    /** What needs the caller today: hearings, deadlines (overdue first), new comments, reports to triage. */
    today: (opts?: RequestOptions): Promise<PortalToday> => http.call(portalApi.today, {}, opts),
  }
}

/** The `portal` resource of an `ApiClient`. */
export type PortalResource = ReturnType<typeof portalResource>
