import type { z } from 'zod'
import {
  AuditExportQuery,
  auditApi,
  type AuditListEntry,
  type AuditQuery,
  type AuditVerification,
  type Page,
} from '@suite/domain'
import { ApiError, fieldsFromZod } from '../api-error'
import type { Http, RequestOptions } from '../http'

/** The hash-chained audit log (it_admin and compliance_officer only). */
export function auditResource(http: Http) {
  return {
    /** One page of audit entries matching the filters. */
    list: (query: z.input<typeof AuditQuery> = {}, opts?: RequestOptions): Promise<Page<AuditListEntry>> =>
      http.call(auditApi.list, { query }, opts),

    /** Walk the chain on the server and report the first broken link, if any. */
    verify: (opts?: RequestOptions): Promise<AuditVerification> => http.call(auditApi.verify, {}, opts),

    /**
     * URL of the export download for a date window (`format` defaults to json); sends no
     * request, so it suits an `<a href download>` where the session cookie goes along.
     * @throws ApiError `validation_failed` (status 0) with field errors for a bad window.
     */
    exportUrl: (query: z.input<typeof AuditExportQuery>): string => {
      const parsed = AuditExportQuery.safeParse(query)
      if (!parsed.success) {
        throw new ApiError({
          status: 0,
          code: 'validation_failed',
          message: 'Invalid audit export window.',
          fields: fieldsFromZod(parsed.error),
          cause: parsed.error,
        })
      }
      return http.href(auditApi.export, { query: parsed.data })
    },
  }
}

/** The `audit` resource of an `ApiClient`. */
export type AuditResource = ReturnType<typeof auditResource>
