import {
  lowcodeApi,
  type FormCheckResult,
  type LowcodeBody,
  type LowcodeDiff,
  type LowcodeDocument,
  type LowcodeDocumentSummary,
  type LowcodeVersion,
  type PublishedDocument,
} from '@suite/domain'
import type { Http, RequestOptions } from '../http'

/**
 * Versioned JSON documents (forms, policies, templates). Administrators draft, diff, publish
 * and roll back (the last two need a step-up); every signed-in app reads `published`.
 */
export function lowcodeResource(http: Http) {
  return {
    /** Every document, optionally of one kind. */
    list: async (kind?: string, opts?: RequestOptions): Promise<LowcodeDocumentSummary[]> =>
      (await http.call(lowcodeApi.list, { query: kind ? { kind } : {} }, opts)).items,
    /** The running version and the open draft. */
    get: (kind: string, key: string, opts?: RequestOptions): Promise<LowcodeDocument> =>
      http.call(lowcodeApi.get, { params: { kind, key } }, opts),
    /** Every published version, newest first. */
    versions: async (kind: string, key: string, opts?: RequestOptions): Promise<LowcodeVersion[]> =>
      (await http.call(lowcodeApi.versions, { params: { kind, key } }, opts)).items,
    /** Save the draft; 400 with `body.*` field errors when the body is not valid for its kind. */
    saveDraft: (
      kind: string,
      key: string,
      body: LowcodeBody,
      note?: string,
      opts?: RequestOptions,
    ): Promise<LowcodeVersion> =>
      http.call(lowcodeApi.saveDraft, { params: { kind, key }, body: { body, ...(note ? { note } : {}) } }, opts),
    /** Throw the draft away. */
    discardDraft: (kind: string, key: string, opts?: RequestOptions): Promise<void> =>
      http.call(lowcodeApi.discardDraft, { params: { kind, key } }, opts),
    /** The draft compared with the running version. */
    diff: (kind: string, key: string, opts?: RequestOptions): Promise<LowcodeDiff> =>
      http.call(lowcodeApi.diff, { params: { kind, key } }, opts),
    /** Publish the reviewed draft (`draftHash` from the diff); step-up. */
    publish: (
      kind: string,
      key: string,
      draftHash: string,
      note?: string,
      opts?: RequestOptions,
    ): Promise<LowcodeVersion> =>
      http.call(lowcodeApi.publish, { params: { kind, key }, body: { draftHash, ...(note ? { note } : {}) } }, opts),
    /** Run an earlier version again (as a new version); step-up. */
    rollback: (kind: string, key: string, version: number, opts?: RequestOptions): Promise<LowcodeVersion> =>
      http.call(lowcodeApi.rollback, { params: { kind, key }, body: { version } }, opts),
    /** What running apps use: the published body (404 when never published). */
    published: (kind: string, key: string, opts?: RequestOptions): Promise<PublishedDocument> =>
      http.call(lowcodeApi.published, { params: { kind, key } }, opts),
    /** Validate values against the running form on the server; 400 with `values.*` field errors. */
    checkForm: (key: string, values: Record<string, unknown>, opts?: RequestOptions): Promise<FormCheckResult> =>
      http.call(lowcodeApi.checkForm, { params: { key }, body: { values } }, opts),
  }
}

/** The `lowcode` resource of an `ApiClient`. */
export type LowcodeResource = ReturnType<typeof lowcodeResource>
