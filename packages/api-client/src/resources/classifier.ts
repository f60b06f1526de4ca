import {
  classifierApi,
  type ClassificationReport,
  type ClassificationReportSummary,
  type CreateClassificationReport,
  type LabelPolicyVersion,
  type Page,
  type PageQuery,
} from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/**
 * The data classifier's saved reports (counts, labels and masked samples only; the server
 * refuses raw values) and the label policy's versions (the low-code document
 * `classification_policy/default`, which administrators change in the admin app).
 */
export function classifierResource(http: Http) {
  return {
    /** Save a report of a finished scan. */
    createReport: (body: CreateClassificationReport, opts?: RequestOptions): Promise<ClassificationReport> =>
      http.call(classifierApi.createReport, { body }, opts),

    /** One page of reports: the caller's own, or every report for IT and compliance. */
    listReports: (query: Partial<PageQuery> = {}, opts?: RequestOptions): Promise<Page<ClassificationReportSummary>> =>
      http.call(classifierApi.listReports, { query }, opts),

    /** One report with its sources. */
    getReport: (id: string, opts?: RequestOptions): Promise<ClassificationReport> =>
      http.call(classifierApi.getReport, { params: { id } }, opts),

    /** The label policy in force, read on every scan so a new published version needs no redeploy. */
    activePolicy: (opts?: RequestOptions): Promise<LabelPolicyVersion> =>
      http.call(classifierApi.activePolicy, {}, opts),

    /** Every published version, newest first, then the built-in version 0 (administrators only). */
    listPolicies: async (opts?: RequestOptions): Promise<LabelPolicyVersion[]> =>
      (await http.call(classifierApi.listPolicies, {}, opts)).items,
  }
}

/** The `classifier` resource of an `ApiClient`. */
export type ClassifierResource = ReturnType<typeof classifierResource>
