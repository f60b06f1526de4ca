/**
 * @suite/forms: the low-code form engine, pure part. No Vue, no DOM: the server imports this
 * to validate submissions and documents with the same code the renderer uses.
 * The Element Plus renderer lives in `@suite/forms/vue`.
 */
export { FORM_LOCALES, LocalizedText, LocalizedLongText, localize } from './localized'
export {
  FIELD_TYPES,
  FieldType,
  PHONE_REGIONS,
  PhoneRegion,
  VisibleWhen,
  FieldOption,
  FileRef,
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
  FormField,
  FormSchema,
  parseFormSchema,
  isRealDate,
  type FormFieldInput,
  type FormSchemaInput,
} from './schema'
export { isEmptyValue, visibleFieldNames, visibleFields } from './visibility'
export { normalizePhone } from './phone'
export {
  validateSubmission,
  fileAccepted,
  errorsAt,
  FORM_ERROR_CODES,
  type FormErrorCode,
  type FormValue,
  type ValidateOptions,
  type ValidationResult,
} from './validate'
export { FORM_ERROR_MESSAGES, FORM_UI_MESSAGES, fillMessage, formatFieldError } from './messages'
export { diffJson, type JsonChange } from './json-diff'
