import {
  LABEL_POLICY_DOC,
  LabelPolicy,
  type ClassificationReport,
  type ClassificationReportSummary,
  type CreateClassificationReport,
  type LabelPolicyVersion,
  type LowcodeVersion,
} from '@suite/domain'
import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import type { Queryable } from '../db/db'
import type { TimeIdCursor } from '../http/cursor'
import { getRunningVersion, getVersion, listVersions } from '../lowcode/documents'

const { kind: POLICY_KIND, key: POLICY_KEY } = LABEL_POLICY_DOC

/** A published version of the policy document as the classifier's wire shape. */
const toPolicyVersion = (v: LowcodeVersion): LabelPolicyVersion => ({
  version: v.version!,
  policy: LabelPolicy.parse(v.body),
  note: v.note ?? '',
  createdBy: v.authorId,
  createdByName: v.authorName,
  createdAt: v.publishedAt,
})

/**
 * Version 0: the engine's built-in policy, which was in force before the policy became a
 * low-code document; reports of that time name it. A fresh start publishes it as version 1.
 */
export const BUILT_IN_POLICY: LabelPolicyVersion = {
  version: 0,
  policy: DEFAULT_LABEL_POLICY,
  note: 'Built-in default',
  createdBy: null,
  createdByName: null,
  createdAt: null,
}

/** The label policy's versions: the published versions of the low-code document `classification_policy/default`, and version 0. */
export const labelPolicies = {
  /** The running version, or the built-in one while none was published. */
  async active(q: Queryable): Promise<LabelPolicyVersion> {
    const v = await getRunningVersion(q, POLICY_KIND, POLICY_KEY)
    return v ? toPolicyVersion(v) : BUILT_IN_POLICY
  },

  /** Every published version, newest first, then the built-in version 0. */
  async list(q: Queryable): Promise<LabelPolicyVersion[]> {
    return [...(await listVersions(q, POLICY_KIND, POLICY_KEY)).map(toPolicyVersion), BUILT_IN_POLICY]
  },

  /** Whether `version` names a version reports may cite: a published one, or the built-in 0. */
  async exists(q: Queryable, version: number): Promise<boolean> {
    return version === 0 || (await getVersion(q, POLICY_KIND, POLICY_KEY, version))?.status === 'published'
  },

  /** A published version (0: the built-in one), or null when there is no such version. */
  async get(q: Queryable, version: number): Promise<LabelPolicyVersion | null> {
    if (version === 0) return BUILT_IN_POLICY
    const v = await getVersion(q, POLICY_KIND, POLICY_KEY, version)
    return v?.status === 'published' ? toPolicyVersion(v) : null
  },
}

interface ReportRow {
  id: string
  title: string
  home: 'hong_kong' | 'macau'
  policy_version: number
  scanned_at: Date
  sources: ClassificationReport['sources']
  source_count: number
  public_count: number
  internal_count: number
  confidential_count: number
  cross_border_count: number
  created_by: string
  created_by_name: string
  created_at: Date
  org_name: string | null
}

/** Report rows with their firm's name. */
const WITH_ORG = 'SELECT r.*, o.name AS org_name FROM classification_reports r JOIN orgs o ON o.id = r.org_id'

const toSummary = (r: ReportRow): ClassificationReportSummary => ({
  id: r.id,
  title: r.title,
  home: r.home,
  policyVersion: r.policy_version,
  scannedAt: new Date(r.scanned_at).toISOString(),
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: new Date(r.created_at).toISOString(),
  orgName: r.org_name,
  sourceCount: r.source_count,
  labels: { public: r.public_count, internal: r.internal_count, confidential: r.confidential_count },
  crossBorderCount: r.cross_border_count,
})
const toReport = (r: ReportRow): ClassificationReport => {
  const { sourceCount: _s, labels: _l, crossBorderCount: _c, ...rest } = toSummary(r)
  return { ...rest, sources: r.sources }
}

/** A report to store, with the counts its list line shows. */
export interface NewReport {
  id: string
  orgId: string
  report: CreateClassificationReport
  labels: ClassificationReportSummary['labels']
  crossBorder: number
  createdBy: { id: string; name: string }
  now: Date
}

/** What the report list is filtered by. */
export interface ReportListFilter {
  orgId: string
  /** Only this person's reports; null for every report of the firm. */
  createdBy: string | null
  after: TimeIdCursor | null
  /** Rows to read: one more than the page, to know whether another follows. */
  take: number
}

/** The `classification_reports` table. */
export const reportsRepo = {
  async create(q: Queryable, n: NewReport): Promise<ClassificationReport> {
    const b = n.report
    const { rows } = await q.query<ReportRow>(
      `WITH r AS (INSERT INTO classification_reports (id, org_id, title, home, policy_version, scanned_at, sources, source_count, public_count,
         internal_count, confidential_count, cross_border_count, created_by, created_by_name, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING *)
       SELECT r.*, o.name AS org_name FROM r JOIN orgs o ON o.id = r.org_id`,
      [
        n.id,
        n.orgId,
        b.title,
        b.home,
        b.policyVersion,
        b.scannedAt,
        JSON.stringify(b.sources),
        b.sources.length,
        n.labels.public,
        n.labels.internal,
        n.labels.confidential,
        n.crossBorder,
        n.createdBy.id,
        n.createdBy.name,
        n.now,
      ],
    )
    return toReport(rows[0]!)
  },

  /** Reports newest first, after a (created_at, id) cursor. */
  async list(q: Queryable, f: ReportListFilter): Promise<ClassificationReportSummary[]> {
    const params: unknown[] = [f.orgId]
    const where = ['r.org_id = $1']
    if (f.createdBy !== null) {
      params.push(f.createdBy)
      where.push(`r.created_by = $${params.length}`)
    }
    if (f.after) {
      params.push(f.after[0], f.after[1])
      where.push(`(r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length})`)
    }
    params.push(f.take)
    const { rows } = await q.query<ReportRow>(
      `${WITH_ORG} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    )
    return rows.map(toSummary)
  },

  /** One report of the organisation, or null. */
  async get(q: Queryable, id: string, orgId: string): Promise<ClassificationReport | null> {
    const { rows } = await q.query<ReportRow>(`${WITH_ORG} WHERE r.id = $1 AND r.org_id = $2`, [id, orgId])
    return rows[0] ? toReport(rows[0]) : null
  },
}
