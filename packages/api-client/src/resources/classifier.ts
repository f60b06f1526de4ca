import { z } from 'zod'
import {
  ClassificationReport, ClassificationReportSummary, LabelPolicyVersion, Page,
  type CreateClassificationReport, type PageQuery,
} from '@suite/domain'
import type { Http, RequestOptions } from '../http'

const ReportPage = Page(ClassificationReportSummary)
const PolicyList = z.object({ items: z.array(LabelPolicyVersion) })

/**
 * `/classifier`: the data classifier's saved reports (counts, labels and masked samples only;
 * the server refuses raw values) and the label policy's versions (the low-code document
 * `classification_policy/default`, which administrators change in the admin app).
 */
export function classifierResource(http: Http) {
  return {
    /** Save a report of a finished scan. */
    createReport: (body: CreateClassificationReport, opts?: RequestOptions): Promise<ClassificationReport> =>
      http.request(ClassificationReport, { method: 'POST', url: '/classifier/reports', data: body }, opts),

    /** One page of reports: the caller's own, or every report for IT and compliance. */
    listReports: (query: Partial<PageQuery> = {}, opts?: RequestOptions): Promise<Page<ClassificationReportSummary>> =>
      http.request(ReportPage, { url: '/classifier/reports', params: query }, opts),

    /** One report with its sources. */
    getReport: (id: string, opts?: RequestOptions): Promise<ClassificationReport> =>
      http.request(ClassificationReport, { url: `/classifier/reports/${encodeURIComponent(id)}` }, opts),

    /** The label policy in force, read on every scan so a new published version needs no redeploy. */
    activePolicy: (opts?: RequestOptions): Promise<LabelPolicyVersion> =>
      http.request(LabelPolicyVersion, { url: '/classifier/policies/active' }, opts),

    /** Every published version, newest first, then the built-in version 0 (administrators only). */
    listPolicies: async (opts?: RequestOptions): Promise<LabelPolicyVersion[]> =>
      (await http.request(PolicyList, { url: '/classifier/policies' }, opts)).items,
  }
}

/** The `classifier` resource of an `ApiClient`. */
export type ClassifierResource = ReturnType<typeof classifierResource>
