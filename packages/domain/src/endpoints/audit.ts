import { z } from 'zod'
import { AuditExportQuery, AuditListEntry, AuditQuery, AuditVerification } from '../audit'
import { AuditCheckpoint, AuditPurgeResult, AuditRetention, AuditRetentionUpdate } from '../admin'
import { Page } from '../pagination'
import { defineEndpoint } from '../endpoint'

/** The checkpoints purges left, newest first. */
export const AuditCheckpointList = z.object({ items: z.array(AuditCheckpoint) })
export type AuditCheckpointList = z.infer<typeof AuditCheckpointList>

const tags = ['audit']

/** The hash-chained audit log: search, verify, export, retention and purge (IT administrators and compliance officers). */
export const auditApi = {
  /** One page of audit entries matching the filters, with each case's number and title and each person's department. */
  list: defineEndpoint({ method: 'GET', path: '/audit', tags, query: AuditQuery, response: Page(AuditListEntry) }),
  /** Walk the chain and report the first broken link, if any. */
  verify: defineEndpoint({ method: 'GET', path: '/audit/verify', tags, response: AuditVerification }),
  /** The entries of a date window as a JSON or CSV download, with a manifest to verify it; the export is audited first. */
  export: defineEndpoint({ method: 'GET', path: '/audit/export', tags, query: AuditExportQuery, responseKind: 'text' }),
  /** Retention setting and what a purge would remove now. */
  retention: defineEndpoint({ method: 'GET', path: '/audit/retention', tags, response: AuditRetention }),
  /** Change the retention, never below 90 days (step-up). */
  setRetention: defineEndpoint({
    method: 'PUT',
    path: '/audit/retention',
    tags,
    body: AuditRetentionUpdate,
    response: AuditRetention,
  }),
  /** Remove entries older than the retention, leaving a signed checkpoint (step-up); refused while the chain does not verify. */
  purge: defineEndpoint({
    method: 'POST',
    path: '/audit/purge',
    tags,
    body: z.object({}).optional(),
    response: AuditPurgeResult,
  }),
  /** Checkpoints left by purges, newest first. */
  checkpoints: defineEndpoint({ method: 'GET', path: '/audit/checkpoints', tags, response: AuditCheckpointList }),
}
