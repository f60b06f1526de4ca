import type { App, Deps } from '../deps'
import { authRoutes } from './auth'
import { userRoutes } from './users'
import { caseRoutes } from '../cases/routes'
import { auditRoutes } from './audit'
import { stepUpRoutes } from './step-up'
import { auditRetentionRoutes } from './audit-retention'
import { adminUserRoutes } from './admin-users'
import { lowcodeRoutes } from './lowcode'
import { caseMemberRoutes } from './case-members'
import { caseInvitationRoutes } from './case-invitations'
import { caseTimelineRoutes } from './case-timeline'
import { caseDocumentRoutes } from './case-documents'
import { caseCommentRoutes } from './case-comments'
import { caseReentryRoutes } from './case-reentry'
import { supportReportRoutes } from './support-reports'
import { supportTriageRoutes } from './support-triage'
import { supportRegistryRoutes } from './support-registry'
import { supportDrillRoutes } from './support-drills'
import { supportFormRoutes } from './support-form'
import { classifierRoutes } from './classifier'
import { courtCalendarRoutes } from './court-calendar'

/** A route module: registers its routes (and job handlers in `deps.jobHandlers`). */
export type RouteModule = (app: App, deps: Deps) => Promise<void>

/** Every route module of the API, in registration order. Add one line per new module. */
export const routeModules: RouteModule[] = [
  authRoutes,
  userRoutes,
  caseRoutes,
  auditRoutes,
  stepUpRoutes, auditRetentionRoutes, adminUserRoutes, lowcodeRoutes,
  supportFormRoutes,
  supportReportRoutes,
  supportTriageRoutes,
  supportRegistryRoutes,
  supportDrillRoutes,
  caseMemberRoutes, caseInvitationRoutes, caseTimelineRoutes, caseDocumentRoutes, caseCommentRoutes,
  caseReentryRoutes,
  classifierRoutes,
  courtCalendarRoutes,
]
