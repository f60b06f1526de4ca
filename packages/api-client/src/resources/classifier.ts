import { z } from 'zod'
import {
  ClassificationReport, ClassificationReportSummary, LabelPolicyVersion, Page,
  type CreateClassificationReport, type CreateLabelPolicyVersion, type PageQuery,
} from '@suite/domain'
import type { Http, RequestOptions } from '../http'

const ReportPage = Page(ClassificationReportSummary)
const PolicyList = z.object({ items: z.array(LabelPolicyVersion) })

/**
 * `/classifier`: the data classifier's saved reports (counts, labels and masked samples only;
 * the server refuses raw values) and the label policy's versions.
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

    /** The label policy in force (version 0 is the built-in default). */
    activePolicy: (opts?: RequestOptions): Promise<LabelPolicyVersion> =>
      http.request(LabelPolicyVersion, { url: '/classifier/policies/active' }, opts),

    /** Every saved version, newest first, then the built-in one (administrators only). */
    listPolicies: async (opts?: RequestOptions): Promise<LabelPolicyVersion[]> =>
      (await http.request(PolicyList, { url: '/classifier/policies' }, opts)).items,

    /** Save a new version of the policy; it is in force at once (administrators only). */
    createPolicy: (body: CreateLabelPolicyVersion, opts?: RequestOptions): Promise<LabelPolicyVersion> =>
      http.request(LabelPolicyVersion, { method: 'POST', url: '/classifier/policies', data: body }, opts),
  }
}

/** The `classifier` resource of an `ApiClient`. */
export type ClassifierResource = ReturnType<typeof classifierResource>
