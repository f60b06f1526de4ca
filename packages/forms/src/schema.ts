import { z } from 'zod'
import { LocalizedLongText, LocalizedText } from './localized'

/** Field types the engine knows. `textarea` is "long text"; `person` and `file` are filled by the app. */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'multiselect',
  'person',
  'file',
  'phone',
  'url',
] as const
export const FieldType = z.enum(FIELD_TYPES)
export type FieldType = z.infer<typeof FieldType>

/** Phone numbering areas a `phone` field accepts (see DOMAIN.md: HK, Macau, mainland mobile). */
export const PHONE_REGIONS = ['HK', 'MO', 'CN'] as const
export const PhoneRegion = z.enum(PHONE_REGIONS)
export type PhoneRegion = z.infer<typeof PhoneRegion>

const FieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'letters, digits and _; starts with a letter')
const Scalar = z.union([z.string().max(500), z.number(), z.boolean()])
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

/**
 * Show a field only when another (earlier) field `equals` a value, is `in` a list, or is
 * `notEmpty`. Exactly one of the three operators. For a multi-select the condition holds when
 * any chosen option matches.
 */
export const VisibleWhen = z
  .object({
    field: FieldName,
    equals: Scalar.optional(),
    in: z.array(Scalar).min(1).max(50).optional(),
    notEmpty: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => [c.equals, c.in, c.notEmpty].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of equals, in, notEmpty',
  })
export type VisibleWhen = z.infer<typeof VisibleWhen>

/** One choice of a select or multi-select. */
export const FieldOption = z.object({ value: z.string().min(1).max(100), label: LocalizedText }).strict()
export type FieldOption = z.infer<typeof FieldOption>

const base = {
  name: FieldName,
  label: LocalizedText,
  help: LocalizedLongText.optional(),
  placeholder: LocalizedText.optional(),
  required: z.boolean().default(false),
  visibleWhen: VisibleWhen.optional(),
}

const textRules = {
  minLength: z.number().int().min(0).max(100_000).optional(),
  maxLength: z.number().int().min(1).max(100_000).optional(),
  /** A JavaScript regular expression (Unicode mode) the whole value must match. */
  pattern: z.string().min(1).max(200).optional(),
  /** What to tell the user when `pattern` fails; a generic message otherwise. */
  patternMessage: LocalizedText.optional(),
}

export const TextField = z.object({ ...base, type: z.literal('text'), ...textRules }).strict()
export const TextareaField = z
  .object({ ...base, type: z.literal('textarea'), ...textRules, rows: z.number().int().min(2).max(20).optional() })
  .strict()
export const NumberField = z
  .object({
    ...base,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  })
  .strict()
export const DateField = z
  .object({ ...base, type: z.literal('date'), min: IsoDate.optional(), max: IsoDate.optional() })
  .strict()
export const SelectField = z
  .object({ ...base, type: z.literal('select'), options: z.array(FieldOption).min(1).max(200) })
  .strict()
export const MultiselectField = z
  .object({
    ...base,
    type: z.literal('multiselect'),
    options: z.array(FieldOption).min(1).max(200),
    minItems: z.number().int().min(0).max(200).optional(),
    maxItems: z.number().int().min(1).max(200).optional(),
  })
  .strict()
export const PersonField = z
  .object({
    ...base,
    type: z.literal('person'),
    multiple: z.boolean().optional(),
    maxItems: z.number().int().min(1).max(100).optional(),
  })
  .strict()
export const FileField = z
  .object({
    ...base,
    type: z.literal('file'),
    maxFiles: z.number().int().min(1).max(20).optional(),
    /** MIME types (`image/png`, `image/*`) or extensions (`.pdf`) accepted; anything when absent. */
    accept: z.array(z.string().min(2).max(100)).max(30).optional(),
    maxSizeMb: z.number().positive().max(500).optional(),
  })
  .strict()
export const PhoneField = z
  .object({ ...base, type: z.literal('phone'), regions: z.array(PhoneRegion).min(1).optional() })
  .strict()
export const UrlField = z.object({ ...base, type: z.literal('url') }).strict()

/** One field of a form. */
export const FormField = z.discriminatedUnion('type', [
  TextField,
  TextareaField,
  NumberField,
  DateField,
  SelectField,
  MultiselectField,
  PersonField,
  FileField,
  PhoneField,
  UrlField,
])
export type FormField = z.infer<typeof FormField>
/** A field as written by hand (defaults not yet applied). */
export type FormFieldInput = z.input<typeof FormField>

/** A file already uploaded by the app; the form stores the reference, never the bytes. */
export const FileRef = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().min(1).max(300),
    size: z.number().int().nonnegative(),
    mime: z.string().max(200),
  })
  .strict()
export type FileRef = z.infer<typeof FileRef>

function checkPattern(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u')
    return null
  } catch (e) {
    return (e as Error).message
  }
}

/**
 * A whole form. Checked beyond shape: names unique, conditions refer to an earlier field
 * (so visibility cannot loop), ranges ordered, patterns compile, options unique.
 */
export const FormSchema = z
  .object({
    schemaVersion: z.literal(1),
    title: LocalizedText,
    description: LocalizedLongText.optional(),
    submitLabel: LocalizedText.optional(),
    fields: z.array(FormField).min(1).max(100),
  })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Map<string, FormField>()
    form.fields.forEach((f, i) => {
      const at = (...p: (string | number)[]) => ['fields', i, ...p]
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
      if (seen.has(f.name)) issue(at('name'), `duplicate field name "${f.name}"`)
      if (f.visibleWhen) {
        const dep = seen.get(f.visibleWhen.field)
        if (!dep)
          issue(at('visibleWhen', 'field'), `"${f.visibleWhen.field}" is not a field declared before "${f.name}"`)
        else if (
          (dep.type === 'select' || dep.type === 'multiselect') &&
          f.visibleWhen.equals !== undefined &&
          !dep.options.some((o) => o.value === f.visibleWhen!.equals)
        ) {
          issue(at('visibleWhen', 'equals'), `"${String(f.visibleWhen.equals)}" is not an option of "${dep.name}"`)
        }
      }
      if (f.type === 'text' || f.type === 'textarea') {
        if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength)
          issue(at('minLength'), 'minLength is above maxLength')
        if (f.pattern) {
          const bad = checkPattern(f.pattern)
          if (bad) issue(at('pattern'), `pattern does not compile: ${bad}`)
        }
      }
      if ((f.type === 'number' || f.type === 'date') && f.min !== undefined && f.max !== undefined && f.min > f.max)
        issue(at('min'), 'min is above max')
      if (f.type === 'date') {
        for (const k of ['min', 'max'] as const) if (f[k] && !isRealDate(f[k])) issue(at(k), 'not a real date')
      }
      if (f.type === 'multiselect' && f.minItems !== undefined && f.maxItems !== undefined && f.minItems > f.maxItems)
        issue(at('minItems'), 'minItems is above maxItems')
      if (f.type === 'select' || f.type === 'multiselect') {
        const values = new Set<string>()
        f.options.forEach((o, j) => {
          if (values.has(o.value)) issue(at('options', j, 'value'), `duplicate option "${o.value}"`)
          values.add(o.value)
        })
      }
      seen.set(f.name, f)
    })
  })
export type FormSchema = z.infer<typeof FormSchema>
/** A form as written by hand (defaults not yet applied). */
export type FormSchemaInput = z.input<typeof FormSchema>

/** True for a `YYYY-MM-DD` that names a day that exists. */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/**
 * Parse a form schema; on failure the issues come back as `{path, code, message}` with dotted
 * paths (`fields.2.visibleWhen.field`), the shape of the API's field errors.
 */
export function parseFormSchema(
  input: unknown,
): { ok: true; schema: FormSchema } | { ok: false; errors: { path: string; code: string; message: string }[] } {
  const r = FormSchema.safeParse(input)
  if (r.success) return { ok: true, schema: r.data }
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', code: i.code, message: i.message })),
  }
}
