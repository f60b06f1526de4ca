/**
 * @suite/forms/vue: the Element Plus renderer of the form engine. Apps only; the server
 * imports `@suite/forms`, which has no Vue in it.
 */
export { default as SchemaForm } from './SchemaForm.vue'
export { default as SchemaField } from './SchemaField.vue'
export { useSchemaForm, type FieldView, type UseSchemaFormOptions } from './use-schema-form'
export { useFileField, type UseFileFieldOptions } from './use-file-field'
export type { PersonOption } from './types'
