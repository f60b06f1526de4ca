import { z } from 'zod'
import {
  ClassificationReport,
  ClassificationReportSummary,
  CreateClassificationReport,
  LabelPolicyVersion,
} from '../classifier'
import { Page, PageQuery } from '../pagination'
import { defineEndpoint } from '../endpoint'

/** Path parameters of one version of the label policy (0: the built-in policy of before). */
export const LabelPolicyVersionParams = z.object({ version: z.coerce.number().int().nonnegative() })
/** Path parameters of one classification report. */
export const ClassificationReportParams = z.object({ id: z.string().min(1).max(64) })
/** Every published version of the label policy, newest first, then the built-in version 0. */
export const LabelPolicyList = z.object({ items: z.array(LabelPolicyVersion) })
export type LabelPolicyList = z.infer<typeof LabelPolicyList>

const tags = ['classifier']

/**
 * The data classifier: the label policy's versions (the low-code document
 * `classification_policy/default`) and the reports the wizard saves (masked samples only).
 */
export const classifierApi = {
  /** The policy in force, which the wizard reads each time it opens (staff). */
  activePolicy: defineEndpoint({
    method: 'GET',
    path: '/classifier/policies/active',
    tags,
    response: LabelPolicyVersion,
  }),
  /** Every published version, newest first, then the built-in version 0 (administrators). */
  listPolicies: defineEndpoint({ method: 'GET', path: '/classifier/policies', tags, response: LabelPolicyList }),
  /** One published version, or the built-in version 0 (staff). */
  getPolicy: defineEndpoint({
    method: 'GET',
    path: '/classifier/policies/:version',
    tags,
    params: LabelPolicyVersionParams,
    response: LabelPolicyVersion,
  }),
  /** Save the report of a finished scan; refused when any string holds unmasked personal data. */
  createReport: defineEndpoint({
    method: 'POST',
    path: '/classifier/reports',
    tags,
    body: CreateClassificationReport,
    status: 201,
    response: ClassificationReport,
  }),
  /** One page of reports: the caller's own, or every report of the firm for administrators. */
  listReports: defineEndpoint({
    method: 'GET',
    path: '/classifier/reports',
    tags,
    query: PageQuery,
    response: Page(ClassificationReportSummary),
  }),
  /** One report with its sources (404 for another person's report unless an administrator asks). */
  getReport: defineEndpoint({
    method: 'GET',
    path: '/classifier/reports/:id',
    tags,
    params: ClassificationReportParams,
    response: ClassificationReport,
  }),
}
