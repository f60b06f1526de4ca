import { describe, expect, it } from 'vitest'
import { FORM_ERROR_CODES } from './validate'
import { FORM_ERROR_MESSAGES, formatFieldError } from './messages'
import { FormSchema } from './schema'
import { SAMPLE_FORM } from './testing'

const schema = FormSchema.parse(SAMPLE_FORM)

describe('formatFieldError', () => {
  it('has a message for every code in every language', () => {
    for (const locale of ['zh-HK', 'zh-CN', 'en'] as const) {
      for (const code of FORM_ERROR_CODES) expect(FORM_ERROR_MESSAGES[locale][code], `${locale} ${code}`).toBeTruthy()
    }
  })

  it("fills limits from the field and prefers the field's own pattern message", () => {
    expect(formatFieldError({ path: 'claimed', code: 'too_long' }, schema, 'en')).toBe('At most 80 characters')
    expect(formatFieldError({ path: 'claimed', code: 'too_short' }, schema, 'zh-HK')).toBe('最少 2 個字')
    expect(formatFieldError({ path: 'when', code: 'date_too_early' }, schema, 'zh-CN')).toBe('不可早于 2020-01-01')
    expect(formatFieldError({ path: 'caseRef', code: 'pattern_mismatch' }, schema, 'zh-HK')).toBe(
      '格式如 HCA 1234/2026',
    )
    expect(formatFieldError({ path: 'asked.1', code: 'duplicate' }, schema, 'en')).toBe('Chosen twice')
    expect(formatFieldError({ path: 'x', code: 'something_new' }, schema, 'en')).toBe('Not valid')
  })
})
