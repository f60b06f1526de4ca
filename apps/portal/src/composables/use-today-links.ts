import { useSessionStore } from '@suite/app-kit'
import type { PortalComment, PortalDeadline, PortalHearing } from '@suite/domain'
import { suiteAppHref } from '@suite/ui'
import { storeToRefs } from 'pinia'

/**
 * Links from the portal's "today" into each item's app, by that app's hash routes (carrying the
 * DingTalk corpId along): court dates in the court calendar, comments in the case room, reports in
 * IT's triage console.
 */
export function useTodayLinks() {
  const { corpId } = storeToRefs(useSessionStore())
  const at = (app: Parameters<typeof suiteAppHref>[0], route: string) => `${suiteAppHref(app, corpId.value)}#${route}`
  return {
    hearing: (h: PortalHearing) => at('court-calendar', `/hearings/${encodeURIComponent(h.id)}`),
    deadline: (d: PortalDeadline) => at('court-calendar', `/deadlines/${encodeURIComponent(d.id)}`),
    comment: (c: PortalComment) => {
      const caseRoute = `/cases/${encodeURIComponent(c.case.id)}`
      if (c.on.type === 'document') return at('case-room', `${caseRoute}/documents/${encodeURIComponent(c.on.id)}`)
      return at('case-room', `${caseRoute}/${c.on.type === 'event' ? 'timeline' : c.on.tier}`)
    },
    report: () => at('support-report', '/console'),
  }
}
