import { BASE_REPORT_FIELD_NAMES, BASE_REPORT_FORM, type FieldError } from '@suite/domain'
import { FormSchema, parseFormSchema } from '@suite/forms'
import type { Db, Queryable } from '../db/db'
import { HttpError } from '../http/errors'
import { stableJson } from './ids'

/** One stored version of the report form. */
export interface FormVersionRow { version: number; schema: FormSchema; published_at: Date }

const BASE = FormSchema.parse(BASE_REPORT_FORM)
const isBase = (name: string) => BASE_REPORT_FIELD_NAMES.includes(name)

/** The newest version of the form. */
export async function latestForm(q: Queryable): Promise<FormVersionRow | null> {
  return (await q.query<FormVersionRow>('SELECT version, schema, published_at FROM support_form_versions ORDER BY version DESC LIMIT 1')).rows[0] ?? null
}

/** One version of the form, or null. */
export async function formVersion(q: Queryable, version: number): Promise<FormVersionRow | null> {
  return (await q.query<FormVersionRow>('SELECT version, schema, published_at FROM support_form_versions WHERE version = $1', [version])).rows[0] ?? null
}

/** The administrators' fields of a stored form: everything after the base fields. */
export function extensionFields(schema: FormSchema): FormSchema['fields'] {
  return schema.fields.filter((f) => !isBase(f.name))
}

/**
 * Make sure the newest stored form starts with the base fields of this build. A new build
 * whose base form changed publishes a new version that keeps the administrators' fields;
 * devices that rendered an older version still have it validated against that version.
 */
export async function ensureBaseForm(db: Db): Promise<number> {
  const latest = await latestForm(db)
  const ext = latest ? extensionFields(latest.schema) : []
  const want = { ...BASE, fields: [...BASE.fields, ...ext] }
  // jsonb reorders keys: compare stable forms.
  if (latest && stableJson(latest.schema) === stableJson(want)) return latest.version
  const version = (latest?.version ?? 0) + 1
  await db.query('INSERT INTO support_form_versions (version, schema) VALUES ($1, $2::jsonb) ON CONFLICT (version) DO NOTHING', [version, JSON.stringify(want)])
  return version
}

/**
 * Validate administrators' extension fields and return the whole form they make with the base
 * fields. Field errors come back with paths under `fields.N`.
 */
export function formWithExtensions(fields: unknown[]): FormSchema {
  const errors: FieldError[] = []
  fields.forEach((f, i) => {
    const name = (f as { name?: unknown }).name
    if (typeof name === 'string' && isBase(name)) errors.push({ path: `fields.${i}.name`, code: 'reserved', message: `"${name}" is a base field of the report form` })
  })
  const parsed = parseFormSchema({ ...BASE_REPORT_FORM, fields: [...BASE_REPORT_FORM.fields, ...fields] })
  if (!parsed.ok) {
    const offset = BASE_REPORT_FORM.fields.length
    for (const e of parsed.errors) {
      const m = /^fields\.(\d+)(.*)$/.exec(e.path)
      errors.push(m ? { ...e, path: `fields.${Number(m[1]) - offset}${m[2]}` } : e)
    }
  }
  if (errors.length || !parsed.ok) throw new HttpError('validation_failed', 'The form fields are not valid', errors)
  return parsed.schema
}
