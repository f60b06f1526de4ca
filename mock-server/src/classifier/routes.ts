import { randomBytes } from 'node:crypto'
import {
  ADMIN_ROLES,
  LABEL_POLICY_DOC,
  LabelPolicy,
  classifierApi,
  encodeCursor,
  fieldErrorsOf,
  isCrossBorder,
  type DataLabel,
} from '@suite/domain'
import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import type { App, Deps } from '../deps'
import { TimeIdCursor, readCursor } from '../http/cursor'
import { serve } from '../http/endpoint'
import { auditFor, requireRole, requireStaff as requireStaffOf } from '../http/auth-context'
import { HttpError, notFound } from '../http/errors'
import { ensureDefaultDocument, registerDocumentKind } from '../lowcode/documents'
import { findRawPersonalData } from './raw-data-guard'
import { labelPolicies, reportsRepo } from './repo'

const requireStaff = (req: Parameters<typeof requireStaffOf>[0]) =>
  requireStaffOf(req, "The data classifier is for the firm's staff")

const canReadAll = (role: string): boolean => (ADMIN_ROLES as readonly string[]).includes(role)

/**
 * Data classifier: the label policy (the low-code document `classification_policy/default`,
 * which administrators edit, diff, publish with a step-up and roll back in the admin app;
 * everyone on staff reads the running version, which the wizard fetches each time it opens)
 * and the reports the wizard saves. The server runs the detection engine over every string of
 * a report and refuses anything that is not masked.
 */
export async function classifierRoutes(app: App, deps: Deps): Promise<void> {
  const { kind, key } = LABEL_POLICY_DOC
  registerDocumentKind(kind, (body) => {
    const r = LabelPolicy.safeParse(body)
    return r.success ? [] : fieldErrorsOf(r.error)
  })
  await deps.db.tx((q) => ensureDefaultDocument(q, { kind, key, body: DEFAULT_LABEL_POLICY, now: deps.now() }))

  serve(app, classifierApi.activePolicy, async (req, reply) => {
    requireStaff(req)
    reply.header('cache-control', 'no-cache')
    return labelPolicies.active(deps.db)
  })

  serve(app, classifierApi.listPolicies, async (req) => {
    requireRole(req, ADMIN_ROLES)
    return { items: await labelPolicies.list(deps.db) }
  })

  serve(app, classifierApi.getPolicy, async (req) => {
    requireStaff(req)
    const v = await labelPolicies.get(deps.db, req.params.version)
    if (!v) throw notFound('No such policy version')
    return v
  })

  serve(app, classifierApi.createReport, async (req) => {
    const { user } = requireStaff(req)
    const body = req.body
    const raw = findRawPersonalData(body)
    if (raw.length)
      throw new HttpError(
        'validation_failed',
        'The report holds unmasked personal data; only masked samples may be sent',
        raw,
      )
    const inconsistent = body.sources.findIndex((s) => s.crossBorder !== isCrossBorder(body.home, s.storedIn))
    if (inconsistent >= 0) {
      throw new HttpError('validation_failed', 'A cross-border flag does not match where the data is stored', [
        {
          path: `sources.${inconsistent}.crossBorder`,
          code: 'inconsistent',
          message: 'crossBorder must be true exactly when storedIn differs from home',
        },
      ])
    }
    // The suggestions came from a policy version that exists (0: the built-in one of before).
    if (!(await labelPolicies.exists(deps.db, body.policyVersion))) {
      throw new HttpError('validation_failed', 'This version of the label policy is unknown', [
        { path: 'policyVersion', code: 'unknown_version', message: 'Unknown policy version' },
      ])
    }
    const count = (label: DataLabel): number => body.sources.filter((s) => s.label === label).length
    const labels = { public: count('public'), internal: count('internal'), confidential: count('confidential') }
    const crossBorder = body.sources.filter((s) => s.crossBorder).length
    return deps.db.tx(async (q) => {
      const id = `cls_${randomBytes(12).toString('base64url')}`
      const report = await reportsRepo.create(q, {
        id,
        orgId: user.org_id,
        report: body,
        labels,
        crossBorder,
        createdBy: { id: user.id, name: user.name },
        now: deps.now(),
      })
      const totals = Object.fromEntries(
        Object.keys(body.sources[0]!.counts).map((t) => [
          t,
          body.sources.reduce((a, s) => a + s.counts[t as keyof typeof s.counts], 0),
        ]),
      )
      await auditFor(req, q, {
        action: 'classifier.report.create',
        targetType: 'classification_report',
        targetId: id,
        detail: {
          sources: body.sources.length,
          labels,
          belowSuggestion: body.sources.filter((s) => s.justification !== null && s.label !== s.suggestedLabel).length,
          crossBorder,
          findings: totals,
          policyVersion: body.policyVersion,
        },
      })
      return report
    })
  })

  serve(app, classifierApi.listReports, async (req) => {
    const { user } = requireStaff(req)
    const { limit } = req.query
    const rows = await reportsRepo.list(deps.db, {
      orgId: user.org_id,
      createdBy: canReadAll(user.role) ? null : user.id,
      after: readCursor(req.query.cursor, TimeIdCursor),
      take: limit + 1,
    })
    const items = rows.slice(0, limit)
    const last = items[items.length - 1]
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null }
  })

  serve(app, classifierApi.getReport, async (req) => {
    const { user } = requireStaff(req)
    const report = await reportsRepo.get(deps.db, req.params.id, user.org_id)
    // Another person's report does not exist for a non-administrator.
    if (!report || (report.createdBy !== user.id && !canReadAll(user.role))) throw notFound('No such report')
    return report
  })
}
