import { BASE_REPORT_FIELD_NAMES, BASE_REPORT_FORM, SUPPORT_REPORT_FORM_DOC, type FieldError } from '@suite/domain'
import { FormSchema } from '@suite/forms'
import type { Queryable } from '../db/db'
import {
  DocumentError,
  ensurePublishedDocument,
  getPublishedDocument,
  getVersion,
  publishDocument,
  registerDocumentRules,
} from '../lowcode/documents'
import { stableJson } from './ids'

/*
 * The report form is the low-code document `form/support-report`: administrators edit it in
 * the admin app (draft, diff, publish with a step-up, roll back). Its title, submit label and
 * base fields come with this build; administrators' fields follow the base fields. Every
 * version is kept, so a report filled in offline on an older version is validated against it.
 */

const { kind, key } = SUPPORT_REPORT_FORM_DOC
const BASE = FormSchema.parse(BASE_REPORT_FORM)
const isBase = (name: unknown) => typeof name === 'string' && BASE_REPORT_FIELD_NAMES.includes(name)

/** One published version of the report form. */
export interface ReportForm {
  version: number
  schema: FormSchema
  publishedAt: string
}

/**
 * What the report form must keep besides being a valid form: this build's title, submit label
 * and base fields, unchanged and first; the administrators' fields after them, under other names.
 * Paths start at the body, as the document store wants.
 */
export function supportFormProblems(body: Record<string, unknown>): FieldError[] {
  const parsed = FormSchema.safeParse(body)
  if (!parsed.success) return [{ path: '(root)', code: 'invalid', message: 'Not a valid form' }]
  const form = parsed.data as Record<string, unknown> & FormSchema
  const errors: FieldError[] = []
  const base = BASE as Record<string, unknown> & FormSchema
  for (const k of new Set([...Object.keys(base), ...Object.keys(form)])) {
    if (k !== 'fields' && stableJson(form[k]) !== stableJson(base[k])) {
      errors.push({
        path: k,
        code: 'base_changed',
        message: `"${k}" of the report form comes with the app; only fields after the base fields can be added`,
      })
    }
  }
  const firstChanged = BASE.fields.findIndex((f, i) => !form.fields[i] || stableJson(form.fields[i]) !== stableJson(f))
  if (firstChanged >= 0) {
    const f = BASE.fields[firstChanged]!
    errors.push({
      path: `fields.${firstChanged}`,
      code: 'base_field_changed',
      message: `Field ${firstChanged + 1} must be the base field "${f.name}" as the app defines it; add your fields after the ${BASE.fields.length} base fields`,
    })
  }
  form.fields.forEach((f, i) => {
    if (i >= BASE.fields.length && isBase(f.name))
      errors.push({
        path: `fields.${i}.name`,
        code: 'reserved',
        message: `"${f.name}" is a base field of the report form`,
      })
  })
  return errors
}

/** Make the document store hold the report form to {@link supportFormProblems} (call at start). */
export function registerSupportForm(): void {
  registerDocumentRules(kind, key, supportFormProblems)
}

/** The administrators' fields of a stored form body: everything that is not a base field. */
function extensionFields(body: Record<string, unknown>): unknown[] {
  const fields = Array.isArray(body.fields) ? (body.fields as { name?: unknown }[]) : []
  return fields.filter((f) => !isBase(f?.name))
}

/**
 * At start: publish the base form as the first version, and when this build's base part
 * differs from the running version's, publish a new version with this build's base part and
 * the administrators' fields (by the system, audited like every publication). Devices that
 * rendered an older version still have it validated against that version.
 */
export async function ensureSupportForm(q: Queryable, now: Date): Promise<number> {
  const running = await ensurePublishedDocument(q, { kind, key, body: BASE_REPORT_FORM, now })
  if (!supportFormProblems(running.body).length) return running.version!
  const actor = { id: null, name: 'system' }
  const keep = extensionFields(running.body)
  const want = { ...BASE_REPORT_FORM, fields: [...BASE_REPORT_FORM.fields, ...keep] }
  try {
    return (
      await publishDocument(q, { kind, key, body: want, actor, now, note: 'Base fields of this version of the app' })
    ).version!
  } catch (e) {
    if (!(e instanceof DocumentError) || e.code !== 'invalid_body') throw e
    // The administrators' fields no longer pass this build's form engine: run the base form; they stay in the history.
    return (
      await publishDocument(q, {
        kind,
        key,
        body: BASE_REPORT_FORM,
        actor,
        now,
        note: `Base form only: the added fields of version ${running.version} are not valid in this version of the app`,
      })
    ).version!
  }
}

/** The running report form, or a given published version of it; null when there is none. */
export async function reportForm(q: Queryable, version?: number): Promise<ReportForm | null> {
  if (version === undefined) {
    const doc = await getPublishedDocument(q, kind, key)
    return doc ? { version: doc.version, schema: FormSchema.parse(doc.body), publishedAt: doc.publishedAt } : null
  }
  const v = await getVersion(q, kind, key, version)
  return v?.status === 'published' && v.version !== null
    ? { version: v.version, schema: FormSchema.parse(v.body), publishedAt: v.publishedAt! }
    : null
}
