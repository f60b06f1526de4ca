import { z } from 'zod'
import { IsoDateTime } from './ids'

/**
 * Wire contract of the data classifier: finding types, labels, the administrators' label
 * policy (kept as data) and the report record the wizard saves. Raw findings never appear
 * here: a report carries counts, labels and masked samples only.
 */

/** What a detector finds. `keyword` findings carry a {@link KeywordCategory}. */
export const SENSITIVE_TYPES = ['hk_id', 'mo_id', 'cn_id', 'credit_card', 'phone', 'email', 'keyword'] as const
export const SensitiveType = z.enum(SENSITIVE_TYPES)
export type SensitiveType = z.infer<typeof SensitiveType>

/** Types that identify a person or an account: a raw value of one of these never reaches the server. */
export const PERSONAL_DATA_TYPES = [
  'hk_id',
  'mo_id',
  'cn_id',
  'credit_card',
  'phone',
  'email',
] as const satisfies readonly SensitiveType[]

/** Keyword categories the engine knows, in zh-Hant, zh-Hans and English. */
export const KEYWORD_CATEGORIES = ['contract', 'payment', 'id', 'medical'] as const
export const KeywordCategory = z.enum(KEYWORD_CATEGORIES)
export type KeywordCategory = z.infer<typeof KeywordCategory>

/** Sensitivity labels, lowest first. */
export const DATA_LABELS = ['public', 'internal', 'confidential'] as const
export const DataLabel = z.enum(DATA_LABELS)
export type DataLabel = z.infer<typeof DataLabel>

/** Rank of a label (public 0 … confidential 2), for "is this below the suggestion?". */
export function labelRank(label: DataLabel): number {
  return DATA_LABELS.indexOf(label)
}

/** One test of a policy rule: at least `minCount` findings of `type` (and `category`) at `minConfidence` or more. */
export const LabelCondition = z
  .object({
    type: SensitiveType,
    /** Only for `keyword`: the category that must appear; absent = any keyword. */
    category: KeywordCategory.optional(),
    minCount: z.number().int().min(1).max(100_000).default(1),
    minConfidence: z.number().min(0).max(1).default(0),
  })
  .refine((c) => c.category === undefined || c.type === 'keyword', {
    message: 'category applies to keyword conditions only',
    path: ['category'],
  })
export type LabelCondition = z.infer<typeof LabelCondition>

/** A rule: when its conditions hold (any or all of them), the source gets at least `label`. */
export const LabelRule = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
  label: DataLabel,
  match: z.enum(['any', 'all']).default('any'),
  conditions: z.array(LabelCondition).min(1).max(50),
  description: z.string().max(300).optional(),
})
export type LabelRule = z.infer<typeof LabelRule>

/**
 * The label policy as data, JSON-serialisable. The suggested label of a source is the highest
 * label among the rules that hold, or `defaultLabel` when none does.
 */
export const LabelPolicy = z.object({
  schemaVersion: z.literal(1),
  defaultLabel: DataLabel,
  rules: z
    .array(LabelRule)
    .max(100)
    .refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, { message: 'rule ids must be unique' }),
})
export type LabelPolicy = z.infer<typeof LabelPolicy>
/** A policy as written by hand (defaults not yet applied). */
export type LabelPolicyInput = z.input<typeof LabelPolicy>

/**
 * A version of the policy: a published version of the low-code document
 * `classification_policy/default`. Version 0 is the engine's built-in default of the time before
 * the policy was kept there; reports made then name it.
 */
export const LabelPolicyVersion = z.object({
  version: z.number().int().nonnegative(),
  policy: LabelPolicy,
  note: z.string().max(500),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: IsoDateTime.nullable(),
})
export type LabelPolicyVersion = z.infer<typeof LabelPolicyVersion>

/** Where a source is kept. */
export const StorageLocation = z.enum(['hong_kong', 'macau', 'mainland', 'overseas'])
export type StorageLocation = z.infer<typeof StorageLocation>
/** Who can reach a source. */
export const SourceReach = z.enum(['internal', 'external'])
export type SourceReach = z.infer<typeof SourceReach>
/** The firm's own jurisdiction: a source kept elsewhere is a cross-border transfer. */
export const HomeJurisdiction = z.enum(['hong_kong', 'macau'])
export type HomeJurisdiction = z.infer<typeof HomeJurisdiction>

/** True when data of a firm at `home` is kept in `storedIn`, another jurisdiction. */
export function isCrossBorder(home: HomeJurisdiction, storedIn: StorageLocation): boolean {
  return storedIn !== home
}

/** Kind of a scanned source. */
export const SourceKind = z.enum(['file', 'pasted', 'chat_export'])
export type SourceKind = z.infer<typeof SourceKind>

/** Count of findings per type (and per keyword category). */
export const FindingCounts = z.object({
  hk_id: z.number().int().nonnegative(),
  mo_id: z.number().int().nonnegative(),
  cn_id: z.number().int().nonnegative(),
  credit_card: z.number().int().nonnegative(),
  phone: z.number().int().nonnegative(),
  email: z.number().int().nonnegative(),
  keyword: z.number().int().nonnegative(),
})
export type FindingCounts = z.infer<typeof FindingCounts>

/** A masked example of a finding (`A123***(*)`): what the reviewer saw, never the value. */
export const MaskedSample = z.object({
  type: SensitiveType,
  masked: z.string().min(1).max(200),
})
export type MaskedSample = z.infer<typeof MaskedSample>

/** One source of a report, with its label decision and where it lives. */
export const ReportSource = z
  .object({
    /** Display name with any sensitive value in it masked. */
    name: z.string().min(1).max(300),
    kind: SourceKind,
    sizeBytes: z.number().int().nonnegative(),
    suggestedLabel: DataLabel,
    label: DataLabel,
    /** Required when `label` is below `suggestedLabel`. */
    justification: z.string().max(2000).nullable(),
    counts: FindingCounts,
    dismissed: z.number().int().nonnegative(),
    samples: z.array(MaskedSample).max(20),
    storedIn: StorageLocation,
    reach: SourceReach,
    crossBorder: z.boolean(),
  })
  .superRefine((s, ctx) => {
    if (labelRank(s.label) < labelRank(s.suggestedLabel) && !s.justification?.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['justification'],
        message: 'A label below the suggested one needs a written justification',
      })
    }
  })
export type ReportSource = z.infer<typeof ReportSource>

/** What the wizard submits. */
export const CreateClassificationReport = z.object({
  title: z.string().trim().min(1).max(200),
  home: HomeJurisdiction,
  /** The policy version the suggestions came from (0 = built-in default). */
  policyVersion: z.number().int().nonnegative(),
  scannedAt: IsoDateTime,
  sources: z.array(ReportSource).min(1).max(1000),
})
export type CreateClassificationReport = z.infer<typeof CreateClassificationReport>

/** A saved report. */
export const ClassificationReport = CreateClassificationReport.extend({
  id: z.string().min(1).max(64),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: IsoDateTime,
  /** The firm (organisation) the report was made for, by name. */
  orgName: z.string().nullable().default(null),
})
export type ClassificationReport = z.infer<typeof ClassificationReport>

/** A report as listed: no sources. */
export const ClassificationReportSummary = ClassificationReport.omit({ sources: true }).extend({
  sourceCount: z.number().int().nonnegative(),
  labels: z.object({ public: z.number().int(), internal: z.number().int(), confidential: z.number().int() }),
  crossBorderCount: z.number().int().nonnegative(),
})
export type ClassificationReportSummary = z.infer<typeof ClassificationReportSummary>
