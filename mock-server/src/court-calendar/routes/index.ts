import type { App, Deps } from '../../deps'
import { SYNC_JOB } from '../changes'
import { REMINDER_JOB, reminderHandler } from '../reminders'
import { syncHandler } from '../sync'
import { courtHearingRoutes } from './hearings'
import { courtDeadlineRoutes } from './deadlines'
import { courtAgendaRoutes } from './agenda'
import { courtAdminRoutes } from './admin'
import { courtImportRoutes } from './imports'
import { courtFeedRoutes } from './feed'

/**
 * The court calendar (`/api/court-calendar/...`, every route from `courtCalendarApi` of
 * `@suite/domain`): hearings, deadlines and trigger events, the agenda, the Hong Kong deadline
 * calculator, imports, the iCalendar feed and the administration of holidays, warning days,
 * templates and settings; plus the job handlers of the DingTalk calendar sync and the reminders.
 */
export async function courtCalendarRoutes(app: App, deps: Deps): Promise<void> {
  deps.jobHandlers[SYNC_JOB] = syncHandler(deps)
  deps.jobHandlers[REMINDER_JOB] = reminderHandler(deps)
  await courtHearingRoutes(app, deps)
  await courtDeadlineRoutes(app, deps)
  await courtAgendaRoutes(app, deps)
  await courtAdminRoutes(app, deps)
  await courtImportRoutes(app, deps)
  await courtFeedRoutes(app, deps)
}
