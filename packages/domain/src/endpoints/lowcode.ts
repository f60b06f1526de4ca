import { z } from 'zod'
import {
  FormCheckResult,
  FormValuesInput,
  LowcodeDiff,
  LowcodeDocParams,
  LowcodeDocument,
  LowcodeDocumentSummary,
  LowcodeDraftInput,
  LowcodeKey,
  LowcodeKind,
  LowcodePublishInput,
  LowcodeRollbackInput,
  LowcodeVersion,
  PublishedDocument,
} from '../lowcode'
import { defineEndpoint } from '../endpoint'

/** Query of the document list: optionally one kind. */
export const LowcodeListQuery = z.object({ kind: LowcodeKind.optional() })
export type LowcodeListQuery = z.infer<typeof LowcodeListQuery>
/** Path parameters of a form checked against its running version. */
export const LowcodeFormParams = z.object({ key: LowcodeKey })
/** The document list. */
export const LowcodeDocumentList = z.object({ items: z.array(LowcodeDocumentSummary) })
/** A document's published versions, newest first. */
export const LowcodeVersionList = z.object({ items: z.array(LowcodeVersion) })

const tags = ['lowcode']
const params = LowcodeDocParams

/**
 * Versioned low-code documents (forms, policies, templates): administrators list, draft, diff,
 * publish and roll back (the last two need a step-up); every signed-in member of staff reads
 * the published version, which running apps fetch at runtime.
 */
export const lowcodeApi = {
  /** Every document, optionally of one kind. */
  list: defineEndpoint({
    method: 'GET',
    path: '/lowcode/documents',
    tags,
    query: LowcodeListQuery,
    response: LowcodeDocumentList,
  }),
  /** A document's running version and its open draft. */
  get: defineEndpoint({
    method: 'GET',
    path: '/lowcode/documents/:kind/:key',
    tags,
    params,
    response: LowcodeDocument,
  }),
  /** Every published version, newest first. */
  versions: defineEndpoint({
    method: 'GET',
    path: '/lowcode/documents/:kind/:key/versions',
    tags,
    params,
    response: LowcodeVersionList,
  }),
  /** Create or replace the draft; 400 with `body.*` field errors when the body is not valid for its kind. */
  saveDraft: defineEndpoint({
    method: 'PUT',
    path: '/lowcode/documents/:kind/:key/draft',
    tags,
    params,
    body: LowcodeDraftInput,
    response: LowcodeVersion,
  }),
  /** Throw the draft away (404 when there is none). */
  discardDraft: defineEndpoint({ method: 'DELETE', path: '/lowcode/documents/:kind/:key/draft', tags, params }),
  /** The draft compared with the running version. */
  diff: defineEndpoint({
    method: 'GET',
    path: '/lowcode/documents/:kind/:key/diff',
    tags,
    params,
    response: LowcodeDiff,
  }),
  /** Publish the reviewed draft (409 when it changed since); needs a step-up. */
  publish: defineEndpoint({
    method: 'POST',
    path: '/lowcode/documents/:kind/:key/publish',
    tags,
    params,
    body: LowcodePublishInput,
    response: LowcodeVersion,
  }),
  /** Run an earlier version again, as a new version; needs a step-up. */
  rollback: defineEndpoint({
    method: 'POST',
    path: '/lowcode/documents/:kind/:key/rollback',
    tags,
    params,
    body: LowcodeRollbackInput,
    response: LowcodeVersion,
  }),
  /** What running apps use: the published body (404 when never published). */
  published: defineEndpoint({
    method: 'GET',
    path: '/lowcode/published/:kind/:key',
    tags,
    params,
    response: PublishedDocument,
  }),
  /** Validate values against the running form; 400 with `values.*` field errors. */
  checkForm: defineEndpoint({
    method: 'POST',
    path: '/lowcode/forms/:key/check',
    tags,
    params: LowcodeFormParams,
    body: FormValuesInput,
    response: FormCheckResult,
  }),
}
