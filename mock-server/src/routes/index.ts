import type { App, Deps } from '../deps'
import { authRoutes } from './auth'
import { userRoutes } from './users'
import { caseRoutes } from './cases'
import { auditRoutes } from './audit'

/** A route module: registers its routes (and job handlers in `deps.jobHandlers`). */
export type RouteModule = (app: App, deps: Deps) => Promise<void>

/** Every route module of the API, in registration order. Add one line per new module. */
export const routeModules: RouteModule[] = [
  authRoutes,
  userRoutes,
  caseRoutes,
  auditRoutes,
]
