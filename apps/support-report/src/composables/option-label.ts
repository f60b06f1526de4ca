import { BASE_REPORT_FORM, type Locale } from '@suite/domain'

/** The label of a base-form option in `locale` (e.g. askedFor `one_time_code` -> 驗證碼); the value itself when unknown. */
export function optionLabel(field: string, value: string, locale: Locale): string {
  const f = BASE_REPORT_FORM.fields.find((x) => x.name === field)
  const o = f && 'options' in f ? f.options?.find((x) => x.value === value) : undefined
  return o ? o.label[locale] : value
}

/** The label of a base-form field in `locale` (e.g. `askedFor` -> 對方要求你做甚麼？); the name itself when unknown. */
export function fieldLabel(field: string, locale: Locale): string {
  return BASE_REPORT_FORM.fields.find((x) => x.name === field)?.label[locale] ?? field
}
