import { defineEndpoint } from '../endpoint'
import { PortalToday } from '../portal'

const tags = ['portal']

/** The portal's first screen. */
export const portalApi = {
  /** What needs the caller today, by role: hearings, deadlines (overdue first), new comments, reports to triage. */
  today: defineEndpoint({ method: 'GET', path: '/portal/today', tags, response: PortalToday }),
}
