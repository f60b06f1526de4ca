import { COURT_RULE_TEMPLATE_KIND, LABEL_POLICY_DOC, LabelPolicy, RuleTemplateDocument } from '@suite/domain'
import { FormSchema } from '@suite/forms'

/*
 * What the editor knows of each document kind the suite runs on: how to check a body as it is
 * typed (the same schemas the server validates with), what a new document starts from, and what
 * its live preview shows.
 */

const t3 = (s: string) => ({ 'zh-HK': s, 'zh-CN': s, en: s })

/** What a brand-new form starts from: the smallest valid form. */
export const STARTER_FORM = {
  schemaVersion: 1,
  title: t3('New form'),
  fields: [{ name: 'subject', type: 'text', required: true, label: t3('Subject') }],
}
/** What a new label policy starts from: one rule, public otherwise. */
export const STARTER_POLICY = {
  schemaVersion: 1,
  defaultLabel: 'public',
  rules: [
    { id: 'identifiers', label: 'confidential', description: 'Identity card numbers', conditions: [{ type: 'hk_id' }] },
  ],
}
/** What a new rule template starts from: a period after an event, to be filled in. */
export const STARTER_TEMPLATE = {
  name: { 'zh-HK': '新規則', 'zh-CN': '新规则', en: 'New rule' },
  period: 14,
  unit: 'days',
  direction: 'after',
  anchorEvent: 'other',
  citation: 'RHC O.',
}

/**
 * One thing wrong with a typed body: the dotted path (`fields.3.label.en`, `(root)`), zod's issue
 * code, its (English, developer) message, and the issue's parameters, from which the editor says
 * it in the reader's language (see `editor-problems.ts`).
 */
export interface BodyProblem {
  path: string
  code: string
  message: string
  params?: Record<string, unknown>
}

/** The problems of a failed zod parse, with what a translation needs (bounds, expected type, allowed values). */
export function problemsOf(error: {
  issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[]
}): BodyProblem[] {
  return error.issues.map((issue) => {
    const { path, code, message, ...rest } = issue as {
      path: readonly PropertyKey[]
      code: string
      message: string
    } & Record<string, unknown>
    const params: Record<string, unknown> = {}
    for (const k of ['expected', 'minimum', 'maximum', 'origin', 'format', 'values', 'keys'] as const)
      if (rest[k] !== undefined) params[k] = rest[k]
    return { path: path.map(String).join('.') || '(root)', code, message, params }
  })
}

/** A body as the preview shows it, by kind; null for kinds without a preview or an invalid body. */
export type Preview =
  | { kind: 'form'; schema: FormSchema }
  | { kind: 'classification_policy'; policy: LabelPolicy }
  | { kind: 'court_rule_template'; template: RuleTemplateDocument }

/** The body a new document of `kind` starts from. */
export function starterBody(kind: string): Record<string, unknown> {
  if (kind === 'form') return STARTER_FORM
  if (kind === LABEL_POLICY_DOC.kind) return STARTER_POLICY
  if (kind === COURT_RULE_TEMPLATE_KIND) return STARTER_TEMPLATE
  return {}
}

/**
 * Check a body for its kind: the problems (paths from the body), or the preview of a valid one.
 * Kinds the suite does not know pass as any JSON object; the server has the last word.
 */
export function checkBody(
  kind: string,
  body: Record<string, unknown>,
): { ok: true; preview: Preview | null } | { ok: false; problems: BodyProblem[] } {
  if (kind === 'form') {
    const r = FormSchema.safeParse(body)
    return r.success
      ? { ok: true, preview: { kind: 'form', schema: r.data } }
      : { ok: false, problems: problemsOf(r.error) }
  }
  if (kind === LABEL_POLICY_DOC.kind) {
    const r = LabelPolicy.safeParse(body)
    return r.success
      ? { ok: true, preview: { kind: 'classification_policy', policy: r.data } }
      : { ok: false, problems: problemsOf(r.error) }
  }
  if (kind === COURT_RULE_TEMPLATE_KIND) {
    const r = RuleTemplateDocument.safeParse(body)
    return r.success
      ? { ok: true, preview: { kind: 'court_rule_template', template: r.data } }
      : { ok: false, problems: problemsOf(r.error) }
  }
  return { ok: true, preview: null }
}
