import { z } from 'zod'
import { CaseStatus, CaseSummary, Page, PageQuery } from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/**
 * Query of `GET /cases`: the caller's cases, optionally searched by `q` and filtered by status.
 * (Belongs in @suite/domain once the server validates with it.)
 */
export const CaseListQuery = PageQuery.extend({
  q: z.string().max(200).optional(),
  status: CaseStatus.optional(),
})
/** What a caller passes to `cases.list` (`limit` may be left out). */
export type CaseListQuery = z.input<typeof CaseListQuery>

const CasePage = Page(CaseSummary)

/** `/cases`: matters the signed-in user is an active member of. */
export function casesResource(http: Http) {
  return {
    /** One page of the caller's cases (walled and lapsed memberships are left out by the server). */
    list: (query: CaseListQuery = {}, opts?: RequestOptions): Promise<Page<CaseSummary>> =>
      http.request(CasePage, { url: '/cases', params: query }, opts),
  }
}

/** The `cases` resource of an `ApiClient`. */
export type CasesResource = ReturnType<typeof casesResource>
