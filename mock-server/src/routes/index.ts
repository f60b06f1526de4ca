import type { App, Deps } from '../deps'
import { authRoutes } from '../auth/routes'
import { userRoutes } from '../users/routes'
import { caseRoutes } from '../cases/routes'
import { auditRoutes } from '../audit/routes'
import { stepUpRoutes } from '../auth/step-up-routes'
import { auditRetentionRoutes } from '../audit/retention-routes'
import { adminUserRoutes } from '../users/admin-routes'
import { lowcodeRoutes } from '../lowcode/routes'
import { caseMemberRoutes } from '../case-room/members-routes'
import { caseInvitationRoutes } from '../case-room/invitations-routes'
import { caseTimelineRoutes } from '../case-room/timeline-routes'
import { caseDocumentRoutes } from '../case-room/documents-routes'
import { caseCommentRoutes } from '../case-room/comments-routes'
import { caseReentryRoutes } from '../case-room/reentry-routes'
import { supportReportRoutes } from '../support/reports-routes'
import { supportTriageRoutes } from '../support/triage-routes'
import { supportRegistryRoutes } from '../support/registry-routes'
import { supportDrillRoutes } from '../support/drills-routes'
import { supportFormRoutes } from '../support/form-routes'
import { classifierRoutes } from '../classifier/routes'
import { courtCalendarRoutes } from '../court-calendar/routes'
import { portalRoutes } from '../portal/routes'

/** A route module: registers its routes (and job handlers in `deps.jobHandlers`). */
export type RouteModule = (app: App, deps: Deps) => Promise<void>

/** Every route module of the API, in registration order. Add one line per new module. */
export const routeModules: RouteModule[] = [
  authRoutes,
  userRoutes,
  caseRoutes,
  auditRoutes,
  stepUpRoutes,
  auditRetentionRoutes,
  adminUserRoutes,
  lowcodeRoutes,
  supportFormRoutes,
  supportReportRoutes,
  supportTriageRoutes,
  supportRegistryRoutes,
  supportDrillRoutes,
  caseMemberRoutes,
  caseInvitationRoutes,
  caseTimelineRoutes,
  caseDocumentRoutes,
  caseCommentRoutes,
  caseReentryRoutes,
  classifierRoutes,
  courtCalendarRoutes,
  portalRoutes,
]
