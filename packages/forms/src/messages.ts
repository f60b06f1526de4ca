import type { FieldError, Locale } from '@suite/domain'
import { localize } from './localized'
import type { FormField, FormSchema } from './schema'
import type { FormErrorCode } from './validate'

type Params = Record<string, string | number>
type Catalogue = Record<FormErrorCode, string> & { fallback: string }

/**
 * Field error messages in the suite's languages. `{n}`, `{date}` are filled from the field's
 * own rules, so a server error (English, code only) reads the same as a client one.
 */
export const FORM_ERROR_MESSAGES: Record<Locale, Catalogue> = {
  'zh-HK': {
    not_an_object: '提交的內容無效',
    unknown_field: '此欄位不屬於這份表格',
    required: '必須填寫',
    wrong_type: '格式不正確',
    too_short: '最少 {n} 個字',
    too_long: '最多 {n} 個字',
    pattern_mismatch: '格式不符合要求',
    too_small: '不可小於 {n}',
    too_large: '不可大於 {n}',
    not_integer: '必須是整數',
    invalid_date: '請輸入有效日期',
    date_too_early: '不可早於 {date}',
    date_too_late: '不可遲於 {date}',
    invalid_option: '不是可選的項目',
    too_few: '最少選擇 {n} 項',
    too_many: '最多 {n} 項',
    duplicate: '重複選擇',
    invalid_phone: '請輸入有效的香港、澳門或內地電話號碼',
    invalid_url: '請輸入以 http:// 或 https:// 開頭的網址',
    file_type: '不接受此類檔案',
    file_too_large: '檔案大於 {n} MB',
    fallback: '此欄位無效',
  },
  'zh-CN': {
    not_an_object: '提交的内容无效',
    unknown_field: '此字段不属于这份表单',
    required: '必须填写',
    wrong_type: '格式不正确',
    too_short: '最少 {n} 个字',
    too_long: '最多 {n} 个字',
    pattern_mismatch: '格式不符合要求',
    too_small: '不可小于 {n}',
    too_large: '不可大于 {n}',
    not_integer: '必须是整数',
    invalid_date: '请输入有效日期',
    date_too_early: '不可早于 {date}',
    date_too_late: '不可晚于 {date}',
    invalid_option: '不是可选的项目',
    too_few: '最少选择 {n} 项',
    too_many: '最多 {n} 项',
    duplicate: '重复选择',
    invalid_phone: '请输入有效的香港、澳门或内地电话号码',
    invalid_url: '请输入以 http:// 或 https:// 开头的网址',
    file_type: '不接受此类文件',
    file_too_large: '文件大于 {n} MB',
    fallback: '此字段无效',
  },
  en: {
    not_an_object: 'The submission is not valid',
    unknown_field: 'Not a field of this form',
    required: 'Required',
    wrong_type: 'Wrong format',
    too_short: 'At least {n} characters',
    too_long: 'At most {n} characters',
    pattern_mismatch: 'Does not have the expected format',
    too_small: 'Must be at least {n}',
    too_large: 'Must be at most {n}',
    not_integer: 'Must be a whole number',
    invalid_date: 'Enter a valid date',
    date_too_early: 'Must be on or after {date}',
    date_too_late: 'Must be on or before {date}',
    invalid_option: 'Not one of the choices',
    too_few: 'Choose at least {n}',
    too_many: 'At most {n}',
    duplicate: 'Chosen twice',
    invalid_phone: 'Enter a valid Hong Kong, Macau or mainland phone number',
    invalid_url: 'Enter a web address starting with http:// or https://',
    file_type: 'This type of file is not accepted',
    file_too_large: 'Larger than {n} MB',
    fallback: 'Not valid',
  },
}

/** Words the renderer shows around the fields. */
export const FORM_UI_MESSAGES: Record<
  Locale,
  {
    submit: string
    addFile: string
    removeFile: string
    noPicker: string
    noUpload: string
    choose: string
    uploading: string
    uploadFailed: string
  }
> = {
  'zh-HK': {
    submit: '提交',
    addFile: '加入檔案',
    removeFile: '移除 {name}',
    noPicker: '此處未能選擇人員',
    noUpload: '此處未能上載檔案',
    choose: '請選擇',
    uploading: '上載中…',
    uploadFailed: '上載失敗，請再試',
  },
  'zh-CN': {
    submit: '提交',
    addFile: '添加文件',
    removeFile: '移除 {name}',
    noPicker: '此处无法选择人员',
    noUpload: '此处无法上传文件',
    choose: '请选择',
    uploading: '上传中…',
    uploadFailed: '上传失败，请重试',
  },
  en: {
    submit: 'Submit',
    addFile: 'Add a file',
    removeFile: 'Remove {name}',
    noPicker: 'People cannot be chosen here',
    noUpload: 'Files cannot be uploaded here',
    choose: 'Choose',
    uploading: 'Uploading…',
    uploadFailed: 'Upload failed; try again',
  },
}

/** Fill `{name}` placeholders. */
export function fillMessage(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m))
}

function paramsFor(code: string, f: FormField | undefined): Params {
  if (!f) return {}
  switch (f.type) {
    case 'text':
    case 'textarea':
      return { n: code === 'too_short' ? (f.minLength ?? 0) : (f.maxLength ?? (f.type === 'text' ? 500 : 5000)) }
    case 'number':
      return { n: code === 'too_small' ? (f.min ?? '') : (f.max ?? '') }
    case 'date':
      return { date: code === 'date_too_early' ? (f.min ?? '') : (f.max ?? '') }
    case 'multiselect':
      return { n: code === 'too_few' ? (f.minItems ?? 0) : (f.maxItems ?? '') }
    case 'person':
      return { n: f.maxItems ?? '' }
    case 'file':
      return { n: code === 'file_too_large' ? (f.maxSizeMb ?? '') : (f.maxFiles ?? 1) }
    default:
      return {}
  }
}

/**
 * The message to show for a field error in `locale`, whether it came from the local validator
 * or from the server. A text field's own `patternMessage` wins over the generic one.
 */
export function formatFieldError(
  error: Pick<FieldError, 'path' | 'code'>,
  schema: Pick<FormSchema, 'fields'>,
  locale: Locale,
): string {
  const name = error.path.split('.')[0] ?? ''
  const field = schema.fields.find((f) => f.name === name)
  if (
    error.code === 'pattern_mismatch' &&
    field &&
    (field.type === 'text' || field.type === 'textarea') &&
    field.patternMessage
  ) {
    return localize(field.patternMessage, locale)
  }
  const cat = FORM_ERROR_MESSAGES[locale]
  const template = (cat as Record<string, string>)[error.code] ?? cat.fallback
  return fillMessage(template, paramsFor(error.code, field))
}
