import type { FieldError } from '@suite/domain'
import { normalizePhone } from './phone'
import { FileRef, isRealDate, type FormField, type FormSchema } from './schema'
import { isEmptyValue, visibleFieldNames } from './visibility'

/** A cleaned value of one field, as stored after a successful validation. */
export type FormValue = string | number | string[] | FileRef[]

/** Codes of {@link validateSubmission}'s field errors; stable, so clients can translate them. */
export const FORM_ERROR_CODES = [
  'not_an_object',
  'unknown_field',
  'required',
  'wrong_type',
  'too_short',
  'too_long',
  'pattern_mismatch',
  'too_small',
  'too_large',
  'not_integer',
  'invalid_date',
  'date_too_early',
  'date_too_late',
  'invalid_option',
  'too_few',
  'too_many',
  'duplicate',
  'invalid_phone',
  'invalid_url',
  'file_type',
  'file_too_large',
] as const
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number]

/** Outcome of a validation: field errors in the API's `{path, code, message}` shape, and the cleaned values. */
export interface ValidationResult {
  ok: boolean
  errors: FieldError[]
  /** Visible fields only, trimmed and normalised (phones in E.164); hidden and empty fields left out. */
  values: Record<string, FormValue>
}

/** Options of {@link validateSubmission}. */
export interface ValidateOptions {
  /** Refuse keys that are not fields of the form (default true: the server should). */
  rejectUnknown?: boolean
}

const DEFAULT_MAX = { text: 500, textarea: 5000 } as const

type Check = { value?: FormValue; errors: FieldError[] }

const err = (path: string, code: FormErrorCode, message: string): FieldError => ({ path, code, message })

function textLike(f: Extract<FormField, { type: 'text' | 'textarea' }>, raw: unknown): Check {
  if (typeof raw !== 'string') return { errors: [err(f.name, 'wrong_type', 'Must be text')] }
  const v = raw.trim()
  const max = f.maxLength ?? DEFAULT_MAX[f.type]
  const length = [...v].length
  if (f.minLength !== undefined && length < f.minLength)
    return { errors: [err(f.name, 'too_short', `Must be at least ${f.minLength} characters`)] }
  if (length > max) return { errors: [err(f.name, 'too_long', `Must be at most ${max} characters`)] }
  if (f.pattern && !new RegExp(`^(?:${f.pattern})$`, 'u').test(v))
    return { errors: [err(f.name, 'pattern_mismatch', 'Does not have the expected format')] }
  return { value: v, errors: [] }
}

function numberField(f: Extract<FormField, { type: 'number' }>, raw: unknown): Check {
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : Number.NaN
  if (!Number.isFinite(n)) return { errors: [err(f.name, 'wrong_type', 'Must be a number')] }
  if (f.integer && !Number.isInteger(n)) return { errors: [err(f.name, 'not_integer', 'Must be a whole number')] }
  if (f.min !== undefined && n < f.min) return { errors: [err(f.name, 'too_small', `Must be at least ${f.min}`)] }
  if (f.max !== undefined && n > f.max) return { errors: [err(f.name, 'too_large', `Must be at most ${f.max}`)] }
  return { value: n, errors: [] }
}

function dateField(f: Extract<FormField, { type: 'date' }>, raw: unknown): Check {
  const v = typeof raw === 'string' ? raw.trim() : ''
  if (!isRealDate(v)) return { errors: [err(f.name, 'invalid_date', 'Must be a date (YYYY-MM-DD)')] }
  if (f.min && v < f.min) return { errors: [err(f.name, 'date_too_early', `Must be on or after ${f.min}`)] }
  if (f.max && v > f.max) return { errors: [err(f.name, 'date_too_late', `Must be on or before ${f.max}`)] }
  return { value: v, errors: [] }
}

function stringList(name: string, raw: unknown): { list?: string[]; errors: FieldError[] } {
  if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string'))
    return { errors: [err(name, 'wrong_type', 'Must be a list of choices')] }
  const list = raw as string[]
  const dup = list.findIndex((x, i) => list.indexOf(x) !== i)
  if (dup >= 0) return { errors: [err(`${name}.${dup}`, 'duplicate', 'Chosen twice')] }
  return { list, errors: [] }
}

function multiselect(f: Extract<FormField, { type: 'multiselect' }>, raw: unknown): Check {
  const { list, errors } = stringList(f.name, raw)
  if (!list) return { errors }
  const allowed = new Set(f.options.map((o) => o.value))
  const bad = list.findIndex((x) => !allowed.has(x))
  if (bad >= 0) return { errors: [err(`${f.name}.${bad}`, 'invalid_option', 'Not one of the choices')] }
  if (f.minItems !== undefined && list.length < f.minItems)
    return { errors: [err(f.name, 'too_few', `Choose at least ${f.minItems}`)] }
  if (f.maxItems !== undefined && list.length > f.maxItems)
    return { errors: [err(f.name, 'too_many', `Choose at most ${f.maxItems}`)] }
  return { value: list, errors: [] }
}

function person(f: Extract<FormField, { type: 'person' }>, raw: unknown): Check {
  if (!f.multiple) {
    if (typeof raw !== 'string' || raw.length > 64) return { errors: [err(f.name, 'wrong_type', 'Must be one person')] }
    return { value: raw, errors: [] }
  }
  const { list, errors } = stringList(f.name, raw)
  if (!list) return { errors }
  if (list.some((x) => x.length === 0 || x.length > 64))
    return { errors: [err(f.name, 'wrong_type', 'Must be a list of people')] }
  if (f.maxItems !== undefined && list.length > f.maxItems)
    return { errors: [err(f.name, 'too_many', `Choose at most ${f.maxItems}`)] }
  return { value: list, errors: [] }
}

/** True when `file` matches one `accept` entry (`image/*`, `application/pdf`, `.pdf`). */
export function fileAccepted(accept: readonly string[] | undefined, file: Pick<FileRef, 'name' | 'mime'>): boolean {
  if (!accept?.length) return true
  const name = file.name.toLowerCase()
  const mime = file.mime.toLowerCase()
  return accept.some((a) => {
    const rule = a.toLowerCase()
    if (rule.startsWith('.')) return name.endsWith(rule)
    if (rule.endsWith('/*')) return mime.startsWith(rule.slice(0, -1))
    return mime === rule
  })
}

function fileField(f: Extract<FormField, { type: 'file' }>, raw: unknown): Check {
  if (!Array.isArray(raw)) return { errors: [err(f.name, 'wrong_type', 'Must be a list of files')] }
  const max = f.maxFiles ?? 1
  if (raw.length > max) return { errors: [err(f.name, 'too_many', `At most ${max} files`)] }
  const files: FileRef[] = []
  for (const [i, item] of raw.entries()) {
    const parsed = FileRef.safeParse(item)
    if (!parsed.success) return { errors: [err(`${f.name}.${i}`, 'wrong_type', 'Not a file reference')] }
    if (!fileAccepted(f.accept, parsed.data))
      return { errors: [err(`${f.name}.${i}`, 'file_type', 'This type of file is not accepted')] }
    if (f.maxSizeMb !== undefined && parsed.data.size > f.maxSizeMb * 1024 * 1024)
      return { errors: [err(`${f.name}.${i}`, 'file_too_large', `Larger than ${f.maxSizeMb} MB`)] }
    files.push(parsed.data)
  }
  return { value: files, errors: [] }
}

function phone(f: Extract<FormField, { type: 'phone' }>, raw: unknown): Check {
  const v = typeof raw === 'string' ? normalizePhone(raw, f.regions) : null
  return v ? { value: v, errors: [] } : { errors: [err(f.name, 'invalid_phone', 'Not a valid phone number')] }
}

function url(f: Extract<FormField, { type: 'url' }>, raw: unknown): Check {
  const v = typeof raw === 'string' ? raw.trim() : ''
  try {
    const u = new URL(v)
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname && v.length <= 2048)
      return { value: v, errors: [] }
  } catch {
    /* reported below */
  }
  return { errors: [err(f.name, 'invalid_url', 'Must be a web address starting with http:// or https://')] }
}

function checkField(f: FormField, raw: unknown): Check {
  switch (f.type) {
    case 'text':
    case 'textarea':
      return textLike(f, raw)
    case 'number':
      return numberField(f, raw)
    case 'date':
      return dateField(f, raw)
    case 'select': {
      if (typeof raw !== 'string') return { errors: [err(f.name, 'wrong_type', 'Must be one choice')] }
      return f.options.some((o) => o.value === raw)
        ? { value: raw, errors: [] }
        : { errors: [err(f.name, 'invalid_option', 'Not one of the choices')] }
    }
    case 'multiselect':
      return multiselect(f, raw)
    case 'person':
      return person(f, raw)
    case 'file':
      return fileField(f, raw)
    case 'phone':
      return phone(f, raw)
    case 'url':
      return url(f, raw)
  }
}

/**
 * Validate submitted values against a form. Pure and synchronous: the renderer runs it as the
 * user types and the server runs the very same function on the submission. Hidden fields
 * (their `visibleWhen` does not hold) are neither required nor kept. Messages are English;
 * clients translate by `code` with `formatFieldError`.
 */
export function validateSubmission(
  schema: Pick<FormSchema, 'fields'>,
  input: unknown,
  opts: ValidateOptions = {},
): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [err('', 'not_an_object', 'The submission must be an object of field values')],
      values: {},
    }
  }
  const raw = input as Record<string, unknown>
  const errors: FieldError[] = []
  const values: Record<string, FormValue> = {}
  if (opts.rejectUnknown !== false) {
    const known = new Set(schema.fields.map((f) => f.name))
    for (const k of Object.keys(raw))
      if (!known.has(k)) errors.push(err(k, 'unknown_field', 'Not a field of this form'))
  }
  const visible = visibleFieldNames(schema, raw)
  for (const f of schema.fields) {
    if (!visible.has(f.name)) continue
    const v = raw[f.name]
    if (isEmptyValue(v)) {
      if (f.required) errors.push(err(f.name, 'required', 'Required'))
      continue
    }
    const r = checkField(f, v)
    errors.push(...r.errors)
    if (r.value !== undefined && !r.errors.length) values[f.name] = r.value
  }
  return { ok: errors.length === 0, errors, values }
}

/**
 * The field errors under `prefix` with the prefix taken off: the server answers a form
 * submission's errors as `values.<field>`, the renderer wants `<field>`.
 * @example errorsAt(apiError.fields, 'values')
 */
export function errorsAt(errors: readonly FieldError[], prefix: string): FieldError[] {
  const p = `${prefix}.`
  return errors.filter((e) => e.path.startsWith(p)).map((e) => ({ ...e, path: e.path.slice(p.length) }))
}
