import { z } from 'zod'
import { IsoDateTime } from './ids'

/**
 * Kinds of versioned low-code documents the suite knows. Another kind can be stored too
 * (its name must match {@link LowcodeKind}); the server validates the bodies of kinds that
 * registered a validator.
 */
export const LOWCODE_KINDS = ['form', 'classification_policy', 'court_rule_template'] as const

/** The support report app's form (base fields from the build, then the administrators' fields). */
export const SUPPORT_REPORT_FORM_DOC = { kind: 'form', key: 'support-report' } as const
/** The data classifier's label policy (a `LabelPolicy`). */
export const LABEL_POLICY_DOC = { kind: 'classification_policy', key: 'default' } as const
/** Court rule templates: one document per template, keyed by the template id (a `RuleTemplateDocument`). */
export const COURT_RULE_TEMPLATE_KIND = 'court_rule_template'

/**
 * Where the admin app edits a document (its hash route), e.g. for a deep link from another app:
 * `suiteAppHref('admin', corpId) + '#' + lowcodeEditorPath(kind, key)`. Without a key: the list.
 */
export function lowcodeEditorPath(kind?: string, key?: string): string {
  return kind && key ? `/documents/${encodeURIComponent(kind)}/${encodeURIComponent(key)}` : '/documents'
}

/** A document kind: lower-case words joined by `_`. */
export const LowcodeKind = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/)
/** A document key inside its kind, e.g. `support-report`. */
export const LowcodeKey = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/)

/** Path parameters of a document. */
export const LowcodeDocParams = z.object({ kind: LowcodeKind, key: LowcodeKey })
export type LowcodeDocParams = z.infer<typeof LowcodeDocParams>

/** A JSON object body (forms, policies, templates). */
export const LowcodeBody = z.record(z.string(), z.unknown())
export type LowcodeBody = z.infer<typeof LowcodeBody>

/** One stored version of a document; a draft has no version number until it is published. */
export const LowcodeVersion = z.object({
  id: z.string(),
  kind: LowcodeKind,
  key: LowcodeKey,
  version: z.number().int().positive().nullable(),
  status: z.enum(['draft', 'published']),
  body: LowcodeBody,
  /** SHA-256 of the canonical JSON of the body. */
  bodyHash: z.string().regex(/^[0-9a-f]{64}$/),
  note: z.string().nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  publishedBy: z.string().nullable(),
  /** Set when this version was made by rolling back to an earlier one. */
  rolledBackFrom: z.number().int().positive().nullable(),
})
export type LowcodeVersion = z.infer<typeof LowcodeVersion>

/** One row of the document list. */
export const LowcodeDocumentSummary = z.object({
  kind: LowcodeKind,
  key: LowcodeKey,
  /**
   * The document's own name in each language, from its newest version (a form's `title`, a rule
   * template's `name`); null for kinds without one. Lists show it, the key only as secondary text.
   */
  title: z
    .object({ 'zh-HK': z.string().max(300), 'zh-CN': z.string().max(300), en: z.string().max(300) })
    .partial()
    .nullable()
    .default(null),
  runningVersion: z.number().int().positive().nullable(),
  publishedAt: IsoDateTime.nullable(),
  hasDraft: z.boolean(),
  draftUpdatedAt: IsoDateTime.nullable(),
})
export type LowcodeDocumentSummary = z.infer<typeof LowcodeDocumentSummary>

/** A document's running version and its open draft. */
export const LowcodeDocument = z.object({
  kind: LowcodeKind,
  key: LowcodeKey,
  running: LowcodeVersion.nullable(),
  draft: LowcodeVersion.nullable(),
})
export type LowcodeDocument = z.infer<typeof LowcodeDocument>

/** Body of `PUT .../draft`. */
export const LowcodeDraftInput = z.object({ body: LowcodeBody, note: z.string().trim().max(500).optional() })
export type LowcodeDraftInput = z.infer<typeof LowcodeDraftInput>

/**
 * Body of `POST .../publish`: the hash of the draft the administrator reviewed, so a draft
 * changed by someone else in the meantime is not published unseen (409).
 */
export const LowcodePublishInput = z.object({
  draftHash: z.string().regex(/^[0-9a-f]{64}$/),
  note: z.string().trim().max(500).optional(),
})
export type LowcodePublishInput = z.infer<typeof LowcodePublishInput>

/** Body of `POST .../rollback`: make an earlier published version the running one again (as a new version). */
export const LowcodeRollbackInput = z.object({
  version: z.number().int().positive(),
  note: z.string().trim().max(500).optional(),
})
export type LowcodeRollbackInput = z.infer<typeof LowcodeRollbackInput>

/** One structural difference (see `diffJson` in @suite/forms). */
export const LowcodeChange = z.object({
  op: z.enum(['add', 'remove', 'change', 'move']),
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
})
export type LowcodeChange = z.infer<typeof LowcodeChange>

/** The draft compared with the running version. */
export const LowcodeDiff = z.object({
  runningVersion: z.number().int().positive().nullable(),
  draftHash: z.string().nullable(),
  changes: z.array(LowcodeChange),
})
export type LowcodeDiff = z.infer<typeof LowcodeDiff>

/** What running apps fetch: the published body of a document. */
export const PublishedDocument = z.object({
  kind: LowcodeKind,
  key: LowcodeKey,
  version: z.number().int().positive(),
  body: LowcodeBody,
  bodyHash: z.string(),
  publishedAt: IsoDateTime,
})
export type PublishedDocument = z.infer<typeof PublishedDocument>

/** Body of `POST /api/lowcode/forms/:key/check`: values to validate against the running form. */
export const FormValuesInput = z.object({ values: z.record(z.string(), z.unknown()) })
export type FormValuesInput = z.infer<typeof FormValuesInput>

/** A submission that passed the running form's validation, with its cleaned values. */
export const FormCheckResult = z.object({
  ok: z.literal(true),
  version: z.number().int().positive(),
  values: z.record(z.string(), z.unknown()),
})
export type FormCheckResult = z.infer<typeof FormCheckResult>
