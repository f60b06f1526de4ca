import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { TimeIdCursor, readCursor } from '../http/cursor'
import {
  ADMIN_ROLES, ClassificationReport, ClassificationReportSummary, CreateClassificationReport, ErrorBody, LABEL_POLICY_DOC,
  LabelPolicy, LabelPolicyVersion, Page, PageQuery, encodeCursor, fieldErrorsOf, isCrossBorder,
  type LowcodeVersion,
} from '@suite/domain'
import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import type { App, Deps } from '../deps'
import type { Queryable } from '../db/db'
import { auditFor, requireRole, requireStaff as requireStaffOf } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { findRawPersonalData } from '../classifier/raw-data-guard'
import { ensureDefaultDocument, getRunningVersion, getVersion, listVersions, registerDocumentKind } from '../lowcode/documents'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

interface ReportRow {
  id: string; title: string; home: 'hong_kong' | 'macau'; policy_version: number; scanned_at: Date; sources: ClassificationReport['sources']
  source_count: number; public_count: number; internal_count: number; confidential_count: number; cross_border_count: number
  created_by: string; created_by_name: string; created_at: Date
}

const { kind: POLICY_KIND, key: POLICY_KEY } = LABEL_POLICY_DOC

/** A published version of the policy document as the classifier's wire shape. */
const toPolicyVersion = (v: LowcodeVersion): LabelPolicyVersion => ({
  version: v.version!, policy: LabelPolicy.parse(v.body), note: v.note ?? '', createdBy: v.authorId, createdByName: v.authorName, createdAt: v.publishedAt,
})
/**
 * Version 0: the engine's built-in policy, which was in force before the policy became a
 * low-code document; reports of that time name it. A fresh start publishes it as version 1.
 */
const BUILT_IN: LabelPolicyVersion = { version: 0, policy: DEFAULT_LABEL_POLICY, note: 'Built-in default', createdBy: null, createdByName: null, createdAt: null }

const toSummary = (r: ReportRow): ClassificationReportSummary => ({
  id: r.id, title: r.title, home: r.home, policyVersion: r.policy_version, scannedAt: new Date(r.scanned_at).toISOString(),
  createdBy: r.created_by, createdByName: r.created_by_name, createdAt: new Date(r.created_at).toISOString(), sourceCount: r.source_count,
  labels: { public: r.public_count, internal: r.internal_count, confidential: r.confidential_count }, crossBorderCount: r.cross_border_count,
})
const toReport = (r: ReportRow): ClassificationReport => {
  const { sourceCount: _s, labels: _l, crossBorderCount: _c, ...rest } = toSummary(r)
  return { ...rest, sources: r.sources }
}

const requireStaff = (req: Parameters<typeof requireStaffOf>[0]) => requireStaffOf(req, 'The data classifier is for the firm\'s staff')

const canReadAll = (role: string): boolean => (ADMIN_ROLES as readonly string[]).includes(role)

async function activePolicy(q: Queryable): Promise<LabelPolicyVersion> {
  const v = await getRunningVersion(q, POLICY_KIND, POLICY_KEY)
  return v ? toPolicyVersion(v) : BUILT_IN
}

/**
 * Data classifier: the label policy (the low-code document `classification_policy/default`,
 * which administrators edit, diff, publish with a step-up and roll back in the admin app;
 * everyone on staff reads the running version, which the wizard fetches each time it opens)
 * and the reports the wizard saves. The server runs the detection engine over every string of
 * a report and refuses anything that is not masked.
 */
export async function classifierRoutes(app: App, deps: Deps): Promise<void> {
  registerDocumentKind(POLICY_KIND, (body) => {
    const r = LabelPolicy.safeParse(body)
    return r.success ? [] : fieldErrorsOf(r.error)
  })
  await deps.db.tx((q) => ensureDefaultDocument(q, { kind: POLICY_KIND, key: POLICY_KEY, body: DEFAULT_LABEL_POLICY, now: deps.now() }))

  app.get('/api/classifier/policies/active', { schema: { tags: ['classifier'], response: { 200: LabelPolicyVersion, ...errors } } }, async (req, reply) => {
    requireStaff(req)
    reply.header('cache-control', 'no-cache')
    return activePolicy(deps.db)
  })

  app.get('/api/classifier/policies', { schema: { tags: ['classifier'], response: { 200: z.object({ items: z.array(LabelPolicyVersion) }), ...errors } } }, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return { items: [...(await listVersions(deps.db, POLICY_KIND, POLICY_KEY)).map(toPolicyVersion), BUILT_IN] }
  })

  app.get('/api/classifier/policies/:version', { schema: { tags: ['classifier'], params: z.object({ version: z.coerce.number().int().nonnegative() }), response: { 200: LabelPolicyVersion, ...errors } } }, async (req) => {
    requireStaff(req)
    if (req.params.version === 0) return BUILT_IN
    const v = await getVersion(deps.db, POLICY_KIND, POLICY_KEY, req.params.version)
    if (!v || v.status !== 'published') throw notFound('No such policy version')
    return toPolicyVersion(v)
  })

  app.post('/api/classifier/reports', { schema: { tags: ['classifier'], body: CreateClassificationReport, response: { 201: ClassificationReport, ...errors } } }, async (req, reply) => {
    const { user } = requireStaff(req)
    const body = req.body
    const raw = findRawPersonalData(body)
    if (raw.length) throw new HttpError('validation_failed', 'The report holds unmasked personal data; only masked samples may be sent', raw)
    const inconsistent = body.sources.findIndex((s) => s.crossBorder !== isCrossBorder(body.home, s.storedIn))
    if (inconsistent >= 0) throw new HttpError('validation_failed', 'A cross-border flag does not match where the data is stored', [{ path: `sources.${inconsistent}.crossBorder`, code: 'inconsistent', message: 'crossBorder must be true exactly when storedIn differs from home' }])
    // The suggestions came from a policy version that exists (0: the built-in one of before).
    if (body.policyVersion !== 0 && (await getVersion(deps.db, POLICY_KIND, POLICY_KEY, body.policyVersion))?.status !== 'published') {
      throw new HttpError('validation_failed', 'This version of the label policy is unknown', [{ path: 'policyVersion', code: 'unknown_version', message: 'Unknown policy version' }])
    }
    const count = (label: string): number => body.sources.filter((s) => s.label === label).length
    const crossBorder = body.sources.filter((s) => s.crossBorder).length
    const row = await deps.db.tx(async (q) => {
      const id = `cls_${randomBytes(12).toString('base64url')}`
      const { rows } = await q.query<ReportRow>(
        `INSERT INTO classification_reports (id, org_id, title, home, policy_version, scanned_at, sources, source_count, public_count, internal_count,
           confidential_count, cross_border_count, created_by, created_by_name, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING *`,
        [id, user.org_id, body.title, body.home, body.policyVersion, body.scannedAt, JSON.stringify(body.sources), body.sources.length,
          count('public'), count('internal'), count('confidential'), crossBorder, user.id, user.name, deps.now()])
      const totals = Object.fromEntries(Object.keys(body.sources[0]!.counts).map((t) => [t, body.sources.reduce((a, s) => a + s.counts[t as keyof typeof s.counts], 0)]))
      await auditFor(req, q, {
        action: 'classifier.report.create', targetType: 'classification_report', targetId: id,
        detail: {
          sources: body.sources.length, labels: { public: count('public'), internal: count('internal'), confidential: count('confidential') },
          belowSuggestion: body.sources.filter((s) => s.justification !== null && s.label !== s.suggestedLabel).length,
          crossBorder, findings: totals, policyVersion: body.policyVersion,
        },
      })
      return rows[0]!
    })
    return reply.code(201).send(toReport(row))
  })

  app.get('/api/classifier/reports', { schema: { tags: ['classifier'], querystring: PageQuery, response: { 200: Page(ClassificationReportSummary), ...errors } } }, async (req) => {
    const { user } = requireStaff(req)
    const params: unknown[] = [user.org_id]
    const where = ['org_id = $1']
    if (!canReadAll(user.role)) { params.push(user.id); where.push(`created_by = $${params.length}`) }
    const cursor = readCursor(req.query.cursor, TimeIdCursor)
    if (cursor) {
      params.push(cursor[0], cursor[1])
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`)
    }
    params.push(req.query.limit + 1)
    const { rows } = await deps.db.query<ReportRow>(`SELECT * FROM classification_reports WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params)
    const items = rows.slice(0, req.query.limit)
    const last = items[items.length - 1]
    return { items: items.map(toSummary), nextCursor: rows.length > req.query.limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null }
  })

  app.get('/api/classifier/reports/:id', { schema: { tags: ['classifier'], params: z.object({ id: z.string().min(1).max(64) }), response: { 200: ClassificationReport, ...errors } } }, async (req) => {
    const { user } = requireStaff(req)
    const { rows } = await deps.db.query<ReportRow>('SELECT * FROM classification_reports WHERE id = $1 AND org_id = $2', [req.params.id, user.org_id])
    const row = rows[0]
    // Another person's report does not exist for a non-administrator.
    if (!row || (row.created_by !== user.id && !canReadAll(user.role))) throw notFound('No such report')
    return toReport(row)
  })
}
