import { casesApi, type CaseListQuery, type CaseSummary, type Page } from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/** Matters the signed-in user is an active member of. */
export function casesResource(http: Http) {
  return {
    /** One page of the caller's cases (walled and lapsed memberships are left out by the server). */
    list: (query: CaseListQuery = {}, opts?: RequestOptions): Promise<Page<CaseSummary>> =>
      http.call(casesApi.list, { query }, opts),
  }
}

/** The `cases` resource of an `ApiClient`. */
export type CasesResource = ReturnType<typeof casesResource>
