import { z } from 'zod'

/**
 * Branded id strings. Ids are opaque on the wire; the brand stops a case id
 * being passed where a user id is expected.
 */
export const UserId = z.string().min(1).max(64).brand<'UserId'>()
/** Id of a case (matter). */
export const CaseId = z.string().min(1).max(64).brand<'CaseId'>()
/** Id of an organisation (a DingTalk corp). */
export const OrgId = z.string().min(1).max(64).brand<'OrgId'>()
/** Id of a document stored in a case. */
export const DocumentId = z.string().min(1).max(64).brand<'DocumentId'>()
/** Request id echoed in every response as `x-request-id`. */
export const RequestId = z.string().min(1).max(128)

export type UserId = z.infer<typeof UserId>
export type CaseId = z.infer<typeof CaseId>
export type OrgId = z.infer<typeof OrgId>
export type DocumentId = z.infer<typeof DocumentId>

/** An ISO-8601 timestamp with offset, as sent on the wire. */
export const IsoDateTime = z.iso.datetime({ offset: true })
/** A calendar date `YYYY-MM-DD`. */
export const IsoDate = z.iso.date()
