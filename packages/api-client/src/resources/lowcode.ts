import { z } from 'zod'
import {
  FormCheckResult, LowcodeDiff, LowcodeDocument, LowcodeDocumentSummary, LowcodeVersion, PublishedDocument, type LowcodeBody,
} from '@suite/domain'
import { NoContent, type Http, type RequestOptions } from '../http'

const Summaries = z.object({ items: z.array(LowcodeDocumentSummary) })
const Versions = z.object({ items: z.array(LowcodeVersion) })
const doc = (kind: string, key: string) => `/lowcode/documents/${encodeURIComponent(kind)}/${encodeURIComponent(key)}`

/**
 * `/lowcode`: versioned JSON documents (forms, policies, templates). Administrators draft, diff,
 * publish and roll back (the last two need a step-up); every signed-in app reads `published`.
 */
export function lowcodeResource(http: Http) {
  return {
    /** Every document, optionally of one kind. */
    list: async (kind?: string, opts?: RequestOptions): Promise<LowcodeDocumentSummary[]> =>
      (await http.request(Summaries, { url: '/lowcode/documents', params: kind ? { kind } : {} }, opts)).items,
    /** The running version and the open draft. */
    get: (kind: string, key: string, opts?: RequestOptions): Promise<LowcodeDocument> => http.request(LowcodeDocument, { url: doc(kind, key) }, opts),
    /** Every published version, newest first. */
    versions: async (kind: string, key: string, opts?: RequestOptions): Promise<LowcodeVersion[]> =>
      (await http.request(Versions, { url: `${doc(kind, key)}/versions` }, opts)).items,
    /** Save the draft; 400 with `body.*` field errors when the body is not valid for its kind. */
    saveDraft: (kind: string, key: string, body: LowcodeBody, note?: string, opts?: RequestOptions): Promise<LowcodeVersion> =>
      http.request(LowcodeVersion, { method: 'PUT', url: `${doc(kind, key)}/draft`, data: { body, ...(note ? { note } : {}) } }, opts),
    /** Throw the draft away. */
    discardDraft: (kind: string, key: string, opts?: RequestOptions): Promise<void> =>
      http.request(NoContent, { method: 'DELETE', url: `${doc(kind, key)}/draft` }, opts),
    /** The draft compared with the running version. */
    diff: (kind: string, key: string, opts?: RequestOptions): Promise<LowcodeDiff> => http.request(LowcodeDiff, { url: `${doc(kind, key)}/diff` }, opts),
    /** Publish the reviewed draft (`draftHash` from the diff); step-up. */
    publish: (kind: string, key: string, draftHash: string, note?: string, opts?: RequestOptions): Promise<LowcodeVersion> =>
      http.request(LowcodeVersion, { method: 'POST', url: `${doc(kind, key)}/publish`, data: { draftHash, ...(note ? { note } : {}) } }, opts),
    /** Run an earlier version again (as a new version); step-up. */
    rollback: (kind: string, key: string, version: number, opts?: RequestOptions): Promise<LowcodeVersion> =>
      http.request(LowcodeVersion, { method: 'POST', url: `${doc(kind, key)}/rollback`, data: { version } }, opts),
    /** What running apps use: the published body (404 when never published). */
    published: (kind: string, key: string, opts?: RequestOptions): Promise<PublishedDocument> =>
      http.request(PublishedDocument, { url: `/lowcode/published/${encodeURIComponent(kind)}/${encodeURIComponent(key)}` }, opts),
    /** Validate values against the running form on the server; 400 with `values.*` field errors. */
    checkForm: (key: string, values: Record<string, unknown>, opts?: RequestOptions): Promise<FormCheckResult> =>
      http.request(FormCheckResult, { method: 'POST', url: `/lowcode/forms/${encodeURIComponent(key)}/check`, data: { values } }, opts),
  }
}

/** The `lowcode` resource of an `ApiClient`. */
export type LowcodeResource = ReturnType<typeof lowcodeResource>
