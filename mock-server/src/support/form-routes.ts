import { supportApi } from '@suite/domain'
import type { App, Deps } from '../deps'
import { serve } from '../http/endpoint'
import { requireStaff } from '../http/auth-context'
import { notFound } from '../http/errors'
import { ensureSupportForm, registerSupportForm, reportForm, type ReportForm } from './form'

const toWire = (f: ReportForm) => ({
  version: f.version,
  schema: f.schema as unknown as Record<string, unknown>,
  publishedAt: f.publishedAt,
})

/**
 * The report form as the app reads it: the published versions of the low-code document
 * `form/support-report`. Administrators change it in the admin app (publishing needs a step-up);
 * the app fetches it on every start, so a new version needs no redeploy.
 */
export async function supportFormRoutes(app: App, deps: Deps): Promise<void> {
  registerSupportForm()
  await deps.db.tx((q) => ensureSupportForm(q, deps.now()))

  serve(app, supportApi.form, async (req, reply) => {
    requireStaff(req)
    const f = await reportForm(deps.db)
    if (!f) throw notFound('No report form')
    reply.header('cache-control', 'no-cache')
    return toWire(f)
  })

  serve(app, supportApi.formVersion, async (req) => {
    requireStaff(req)
    const f = await reportForm(deps.db, req.params.version)
    if (!f) throw notFound('No such form version')
    return toWire(f)
  })
}
