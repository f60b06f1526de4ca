import type { FormField, FormSchema, VisibleWhen } from './schema'

/** True when a submitted value counts as "not filled in": absent, blank text, empty list. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true
  if (typeof v === 'string') return v.trim() === ''
  if (Array.isArray(v)) return v.length === 0
  return false
}

function holds(cond: VisibleWhen, value: unknown): boolean {
  if (cond.notEmpty) return !isEmptyValue(value)
  const candidates = Array.isArray(value) ? value : [value]
  if (cond.equals !== undefined) return candidates.some((c) => c === cond.equals)
  if (cond.in) return candidates.some((c) => cond.in!.includes(c as string | number | boolean))
  return true
}

/**
 * The names of the fields a person sees for these values, in form order. A field whose
 * condition points at a hidden field is hidden too (its controlling answer does not count).
 */
export function visibleFieldNames(schema: Pick<FormSchema, 'fields'>, values: Record<string, unknown>): Set<string> {
  const visible = new Set<string>()
  for (const f of schema.fields) {
    if (!f.visibleWhen) {
      visible.add(f.name)
      continue
    }
    const dep = f.visibleWhen.field
    if (visible.has(dep) && holds(f.visibleWhen, values[dep])) visible.add(f.name)
  }
  return visible
}

/** The fields a person sees, in form order. */
export function visibleFields(schema: Pick<FormSchema, 'fields'>, values: Record<string, unknown>): FormField[] {
  const names = visibleFieldNames(schema, values)
  return schema.fields.filter((f) => names.has(f.name))
}
