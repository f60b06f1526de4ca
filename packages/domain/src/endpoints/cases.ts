import { z } from 'zod'
import { CaseStatus, CaseSummary } from '../case'
import { CaseCreate, CaseDetail, CaseUpdate, RestrictToInternal } from '../case-room'
import { Page, PageQuery } from '../pagination'
import { defineEndpoint } from '../endpoint'

/** Path parameters of one case. */
export const CaseParams = z.object({ caseId: z.string().min(1).max(64) })

/** Query of the case list: the caller's cases, optionally searched by `q` and filtered by status. */
export const CaseListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: CaseStatus.optional(),
})
/** What a caller passes to the case list (`limit` may be left out). */
export type CaseListQuery = z.input<typeof CaseListQuery>

const tags = ['cases']

/** "My cases" and one case: list, open, change, restrict to internal members. */
export const casesApi = {
  /** One page of the caller's cases (walled and lapsed memberships are left out). */
  list: defineEndpoint({ method: 'GET', path: '/cases', tags, query: CaseListQuery, response: Page(CaseSummary) }),
  /** One case with the caller's visible tiers and allowed actions (404 for anyone who may not know it exists). */
  get: defineEndpoint({ method: 'GET', path: '/cases/:caseId', tags, params: CaseParams, response: CaseDetail }),
  /** Open a case (partners). */
  create: defineEndpoint({ method: 'POST', path: '/cases', tags, body: CaseCreate, status: 201, response: CaseDetail }),
  /** Change status, title or client name. */
  update: defineEndpoint({
    method: 'PATCH',
    path: '/cases/:caseId',
    tags,
    params: CaseParams,
    body: CaseUpdate,
    response: CaseDetail,
  }),
  /** Suspend (true) or re-admit (false, needs a step-up) every external member. */
  restrict: defineEndpoint({
    method: 'POST',
    path: '/cases/:caseId/restrict',
    tags,
    params: CaseParams,
    body: RestrictToInternal,
    response: CaseDetail,
  }),
}
