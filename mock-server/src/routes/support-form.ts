import { z } from 'zod'
import { ErrorBody, ReportFormExtensions, ReportFormVersion } from '@suite/domain'
import type { App, Deps } from '../deps'
import { auditFor, requireRole } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { ensureBaseForm, extensionFields, formVersion, formWithExtensions, latestForm, type FormVersionRow } from '../support/form'
import { requireStaff } from './support-reports'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const toWire = (r: FormVersionRow) => ({ version: r.version, schema: r.schema as unknown as Record<string, unknown>, publishedAt: new Date(r.published_at).toISOString() })

/**
 * The report form: base fields from the code, extension fields from IT. Every published version
 * is kept, so a report filled in offline on an older version is still validated against it.
 */
export async function supportFormRoutes(app: App, deps: Deps): Promise<void> {
  await ensureBaseForm(deps.db)

  app.get('/api/support/form', { schema: { tags: ['support'], response: { 200: ReportFormVersion, ...errors } } }, async (req) => {
    requireStaff(req)
    const f = await latestForm(deps.db)
    if (!f) throw notFound('No report form')
    return toWire(f)
  })

  app.get('/api/support/form/:version', { schema: { tags: ['support'], params: z.object({ version: z.coerce.number().int().positive() }), response: { 200: ReportFormVersion, ...errors } } }, async (req) => {
    requireStaff(req)
    const f = await formVersion(deps.db, req.params.version)
    if (!f) throw notFound('No such form version')
    return toWire(f)
  })

  app.put('/api/support/form', { schema: { tags: ['support'], body: ReportFormExtensions, response: { 200: ReportFormVersion, ...errors } } }, async (req) => {
    const { user } = requireRole(req, ['it_admin'])
    const schema = formWithExtensions(req.body.fields)
    const row = await deps.db.tx(async (q) => {
      const latest = await latestForm(q)
      const version = (latest?.version ?? 0) + 1
      const r = await q.query<FormVersionRow>(
        'INSERT INTO support_form_versions (version, schema, published_by, published_at) VALUES ($1, $2::jsonb, $3, $4) ON CONFLICT (version) DO NOTHING RETURNING version, schema, published_at',
        [version, JSON.stringify(schema), user.id, deps.now()])
      if (!r.rows[0]) throw new HttpError('conflict', 'Someone published the form at the same time; reload and try again')
      await auditFor(req, q, { action: 'support.form.publish', targetType: 'support_form', targetId: String(version), detail: { fields: extensionFields(schema).map((f) => f.name), previous: latest?.version ?? null } })
      return r.rows[0]
    })
    return toWire(row)
  })
}
