/**
 * `@suite/mock-server/bench`: what the bench scripts (`scripts/bench/*.ts`) drive the backend
 * with, through the package's exports map rather than its internals: the app, its database and
 * migrations, demo data and load generators, the DingTalk simulator and client, the job worker
 * and the pieces of the court calendar and audit chain the benches measure.
 */
export { buildApp } from '../app'
export { openDb, startPglite, type Db } from '../db/db'
export { migrate } from '../db/migrate'
export { EnvSchema } from '../env'
export { DEMO_DEPARTMENTS, demoSimUsers, isEmpty, seedDemo } from '../seed'
export { buildSimulator } from '../simulator/app'
export { createDingTalkClient } from '../dingtalk/client'
export { injectFetch } from '../dingtalk/inject-fetch'
export { createLocalBlobStore } from '../storage/blob-store'
export { createWorker } from '../jobs/queue'
export { appendAudit, verifyAudit } from '../audit/log'
export { SYNC_JOB, enqueueSync } from '../court-calendar/changes'
export { getSettings, putSettings } from '../court-calendar/settings'
export { fillAudit } from './audit-fill'
export { generateLoadData } from './load-data'
export { ensureDatabase, pgAvailable } from './pg'
