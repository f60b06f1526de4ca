import { addDays } from '@suite/court-rules'
import { PORTAL_DUE_SOON_DAYS, PORTAL_NEW_COMMENT_DAYS, PORTAL_TRIAGE_ROLES, portalApi } from '@suite/domain'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { requireUser } from '../http/auth-context'
import { hkDate, hkInstant } from '../court-calendar/time'
import { portalRepo } from './repo'

const DAY_MS = 86_400_000

/**
 * The portal's first screen: what needs the caller today. Each section reads only the cases the
 * caller is a visible member of (externals: only theirs, only what is shared with them); reports
 * to triage only for the roles that triage them.
 */
export async function portalRoutes(app: App, deps: Deps): Promise<void> {
  serve(app, portalApi.today, async (req) => {
    const { user } = requireUser(req)
    const now = deps.now()
    const today = hkDate(now)
    const since = new Date(now.getTime() - PORTAL_NEW_COMMENT_DAYS * DAY_MS)
    const cases = await portalRepo.visibleCases(deps.db, user, now)
    const [hearings, deadlines, comments, triage] = await Promise.all([
      portalRepo.hearings(deps.db, cases, hkInstant(today), hkInstant(addDays(today, 1))),
      portalRepo.deadlines(deps.db, cases, today, addDays(today, PORTAL_DUE_SOON_DAYS)),
      portalRepo.comments(deps.db, user, cases, since),
      PORTAL_TRIAGE_ROLES.includes(user.role) ? portalRepo.triage(deps.db) : null,
    ])
    return {
      now: now.toISOString(),
      today,
      hearings,
      deadlines,
      comments: { ...comments, since: since.toISOString() },
      triage,
    }
  })
}
