import { z } from 'zod'
import { ErrorBody, ReportFormVersion } from '@suite/domain'
import type { App, Deps } from '../deps'
import { notFound } from '../http/errors'
import { ensureSupportForm, registerSupportForm, reportForm, type ReportForm } from '../support/form'
import { requireStaff } from '../http/auth-context'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const toWire = (f: ReportForm) => ({ version: f.version, schema: f.schema as unknown as Record<string, unknown>, publishedAt: f.publishedAt })

/**
 * The report form as the app reads it: the published versions of the low-code document
 * `form/support-report`. Administrators change it in the admin app (publishing needs a step-up);
 * the app fetches it on every start, so a new version needs no redeploy.
 */
export async function supportFormRoutes(app: App, deps: Deps): Promise<void> {
  registerSupportForm()
  await deps.db.tx((q) => ensureSupportForm(q, deps.now()))

  app.get('/api/support/form', { schema: { tags: ['support'], response: { 200: ReportFormVersion, ...errors } } }, async (req, reply) => {
    requireStaff(req)
    const f = await reportForm(deps.db)
    if (!f) throw notFound('No report form')
    reply.header('cache-control', 'no-cache')
    return toWire(f)
  })

  app.get('/api/support/form/:version', { schema: { tags: ['support'], params: z.object({ version: z.coerce.number().int().positive() }), response: { 200: ReportFormVersion, ...errors } } }, async (req) => {
    requireStaff(req)
    const f = await reportForm(deps.db, req.params.version)
    if (!f) throw notFound('No such form version')
    return toWire(f)
  })
}
