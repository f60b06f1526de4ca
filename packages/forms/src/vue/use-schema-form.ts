import { computed, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'
import type { FieldError, Locale } from '@suite/domain'
import { localize } from '../localized'
import { formatFieldError } from '../messages'
import type { FormField, FormSchema } from '../schema'
import { validateSubmission, type ValidationResult } from '../validate'
import { visibleFields } from '../visibility'

/** One visible field, with its texts already in the current language. */
export interface FieldView {
  field: FormField
  name: string
  /** DOM id of the control, unique per form instance. */
  id: string
  label: string
  help: string
  placeholder: string
  required: boolean
  options: { value: string; label: string }[]
}

/** Options of {@link useSchemaForm}. */
export interface UseSchemaFormOptions {
  schema: MaybeRefOrGetter<FormSchema>
  /** The values being edited; replaced (never mutated) on every change. */
  values: Ref<Record<string, unknown>>
  locale: MaybeRefOrGetter<Locale>
  /** Field errors from the server's answer (`ApiError.fields`); shown until that field is edited. */
  serverErrors?: MaybeRefOrGetter<readonly FieldError[] | undefined>
  /** Prefix of control ids; pass a `useId()` so two forms on a page do not clash. */
  idPrefix?: string
}

/**
 * State of a schema-driven form: which fields show, their localized texts, and the error to
 * show under each. Client errors appear once a field was touched or a submit was tried; server
 * errors appear at once and stay until the user changes that field.
 */
export function useSchemaForm(o: UseSchemaFormOptions) {
  const touched = shallowRef<ReadonlySet<string>>(new Set())
  const editedSinceServer = shallowRef<ReadonlySet<string>>(new Set())
  const submitAttempted = shallowRef(false)
  const prefix = o.idPrefix ?? 'suite-form'

  watch(
    () => toValue(o.serverErrors),
    () => {
      editedSinceServer.value = new Set()
    },
  )

  const result = computed<ValidationResult>(() =>
    validateSubmission(toValue(o.schema), o.values.value, { rejectUnknown: false }),
  )

  const fields = computed<FieldView[]>(() => {
    const locale = toValue(o.locale)
    return visibleFields(toValue(o.schema), o.values.value).map((f) => ({
      field: f,
      name: f.name,
      id: `${prefix}-${f.name}`,
      label: localize(f.label, locale),
      help: localize(f.help, locale),
      placeholder: localize(f.placeholder, locale),
      required: f.required,
      options:
        f.type === 'select' || f.type === 'multiselect'
          ? f.options.map((op) => ({ value: op.value, label: localize(op.label, locale) }))
          : [],
    }))
  })

  const owns = (name: string) => (e: FieldError) => e.path === name || e.path.startsWith(`${name}.`)

  /** The message to show under field `name`, in the current language, or null. */
  function errorFor(name: string): string | null {
    const schema = toValue(o.schema)
    const locale = toValue(o.locale)
    if (!editedSinceServer.value.has(name)) {
      const server = (toValue(o.serverErrors) ?? []).find(owns(name))
      if (server) return formatFieldError(server, schema, locale)
    }
    if (!submitAttempted.value && !touched.value.has(name)) return null
    const local = result.value.errors.find(owns(name))
    return local ? formatFieldError(local, schema, locale) : null
  }

  /** Set one field's value and mark it touched. */
  function setValue(name: string, value: unknown): void {
    const next = { ...o.values.value }
    if (value === undefined || value === null) delete next[name]
    else next[name] = value
    o.values.value = next
    touched.value = new Set([...touched.value, name])
    editedSinceServer.value = new Set([...editedSinceServer.value, name])
  }

  /** Mark a field touched without changing it (on blur), so its error shows. */
  function touch(name: string): void {
    if (!touched.value.has(name)) touched.value = new Set([...touched.value, name])
  }

  /** Try to submit: shows every error; returns the cleaned values when the form is valid. */
  function submit(): ValidationResult {
    submitAttempted.value = true
    return result.value
  }

  /** Forget touched fields and the submit attempt (after a successful send). */
  function resetState(): void {
    touched.value = new Set()
    submitAttempted.value = false
  }

  return { fields, result, errorFor, setValue, touch, submit, resetState, submitAttempted, touched }
}
