import { z } from 'zod'
import { IsoDate, IsoDateTime } from './ids'

/** One row of the hash-chained audit log. */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: IsoDateTime,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string().min(1).max(100),
  targetType: z.string().max(50).nullable(),
  targetId: z.string().max(200).nullable(),
  caseId: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
})
export type AuditEntry = z.infer<typeof AuditEntry>

/**
 * An audit entry as the search lists it: the entry itself plus what a reader needs to recognise
 * it (the case's number and title, the person's department). Only the entry's own fields are hashed.
 */
export const AuditListEntry = AuditEntry.extend({
  caseNumber: z.string().nullable().default(null),
  caseTitle: z.string().nullable().default(null),
  actorDepartment: z.string().nullable().default(null),
})
export type AuditListEntry = z.infer<typeof AuditListEntry>

/** Filters of the audit search. `q` finds a case number (`HCA 1234/2026`, spaces ignored), case title or person's name. */
export const AuditQuery = z.object({
  q: z.string().trim().max(200).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(100).optional(),
  caseId: z.string().max(64).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(512).optional(),
})
export type AuditQuery = z.infer<typeof AuditQuery>

/** Result of walking the chain. `firstBadSeq` names the first entry whose hash or link is wrong. */
export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  firstBadSeq: z.number().int().nullable(),
  reason: z.enum(['hash_mismatch', 'broken_link', 'gap', 'reordered']).nullable(),
  headHash: z.string().nullable(),
  fromCheckpoint: z.number().int().nullable(),
})
export type AuditVerification = z.infer<typeof AuditVerification>

/** Export window for CSV / JSON export. */
export const AuditExportQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  format: z.enum(['json', 'csv']).default('json'),
})
export type AuditExportQuery = z.infer<typeof AuditExportQuery>
