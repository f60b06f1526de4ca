import { describe, expect, it } from 'vitest'
import { FormSchema } from './schema'
import { SAMPLE_FORM } from './testing'
import { validateSubmission } from './validate'
import { visibleFieldNames } from './visibility'
import { normalizePhone } from './phone'

const schema = FormSchema.parse(SAMPLE_FORM)
const good = { channel: 'phone', phone: '9123 4567', claimed: '釘釘客服', asked: ['code'], when: '2026-03-02' }
const codes = (values: unknown) => validateSubmission(schema, values).errors.map((e) => `${e.path}:${e.code}`)

describe('validateSubmission', () => {
  it('accepts a good submission and returns cleaned values (phone in E.164)', () => {
    const r = validateSubmission(schema, { ...good, claimed: '  釘釘客服 ', message: '' })
    expect(r.errors).toEqual([])
    expect(r.ok).toBe(true)
    expect(r.values).toEqual({
      channel: 'phone',
      phone: '+85291234567',
      claimed: '釘釘客服',
      asked: ['code'],
      when: '2026-03-02',
    })
  })

  it('requires only visible fields, and drops answers to hidden ones', () => {
    expect(codes({ ...good, phone: undefined })).toEqual(['phone:required'])
    const web = validateSubmission(schema, { ...good, channel: 'web', url: 'https://dingtalk-help.example/hk' })
    expect(web.ok).toBe(true)
    expect(web.values.phone).toBeUndefined()
    expect(codes({ ...good, channel: 'chat' })).toEqual(['url:required'])
  })

  it('follows conditions on multi-selects (equals means "includes") and chains of hidden fields', () => {
    expect(visibleFieldNames(schema, { asked: ['code', 'payment'] }).has('loss')).toBe(true)
    expect(visibleFieldNames(schema, { asked: ['code'] }).has('loss')).toBe(false)
    expect(visibleFieldNames(schema, { claimed: 'x' }).has('screenshots')).toBe(true)
    expect(visibleFieldNames(schema, { claimed: '   ' }).has('screenshots')).toBe(false)
    const chained = FormSchema.parse({
      ...SAMPLE_FORM,
      fields: [
        ...schema.fields.slice(0, 2),
        {
          name: 'extension',
          type: 'text',
          label: { 'zh-HK': '內線', 'zh-CN': '内线', en: 'Ext' },
          required: true,
          visibleWhen: { field: 'phone', notEmpty: true },
        },
      ],
    })
    // `phone` holds an answer but is hidden (channel is web): `extension` is hidden too.
    expect(validateSubmission(chained, { channel: 'web', phone: '91234567' }, { rejectUnknown: false }).ok).toBe(true)
  })

  it('names each broken rule with a stable code', () => {
    expect(codes({ ...good, claimed: 'x' })).toEqual(['claimed:too_short'])
    expect(codes({ ...good, claimed: 'x'.repeat(81) })).toEqual(['claimed:too_long'])
    expect(codes({ ...good, caseRef: 'hca 1/2026' })).toEqual(['caseRef:pattern_mismatch'])
    expect(codes({ ...good, caseRef: 'HCA 1234/2026x' })).toEqual(['caseRef:pattern_mismatch'])
    expect(codes({ ...good, asked: [] })).toEqual([])
    expect(codes({ ...good, asked: ['code', 'screen', 'payment', 'install'] })).toEqual(['asked:too_many'])
    expect(codes({ ...good, asked: ['code', 'code'] })).toEqual(['asked.1:duplicate'])
    expect(codes({ ...good, asked: ['code', 'teleport'] })).toEqual(['asked.1:invalid_option'])
    expect(codes({ ...good, asked: ['payment'], loss: -1 })).toEqual(['loss:too_small'])
    expect(codes({ ...good, asked: ['payment'], loss: 'lots' })).toEqual(['loss:wrong_type'])
    expect(codes({ ...good, when: '2026-02-30' })).toEqual(['when:invalid_date'])
    expect(codes({ ...good, when: '2019-12-31' })).toEqual(['when:date_too_early'])
    expect(codes({ ...good, channel: 'fax' })).toEqual(['channel:invalid_option'])
    expect(codes({ ...good, phone: '12345678' })).toEqual(['phone:invalid_phone'])
    expect(codes({ ...good, channel: 'web', url: 'javascript:alert(1)' })).toEqual(['url:invalid_url'])
    expect(codes({ ...good, reviewer: ['u-lee'] })).toEqual(['reviewer:wrong_type'])
    expect(codes({ ...good, extra: 1 })).toEqual(['extra:unknown_field'])
    expect(codes([good])).toEqual([':not_an_object'])
  })

  it('checks file references: count, type and size', () => {
    const png = { id: 'b1', name: 'a.png', size: 1000, mime: 'image/png' }
    expect(codes({ ...good, screenshots: [png] })).toEqual([])
    expect(codes({ ...good, screenshots: [{ ...png, name: 'a.pdf', mime: 'application/pdf' }] })).toEqual([])
    expect(codes({ ...good, screenshots: [{ ...png, name: 'a.exe', mime: 'application/x-msdownload' }] })).toEqual([
      'screenshots.0:file_type',
    ])
    expect(codes({ ...good, screenshots: [{ ...png, size: 6 * 1024 * 1024 }] })).toEqual([
      'screenshots.0:file_too_large',
    ])
    expect(codes({ ...good, screenshots: [png, png, png, png] })).toEqual(['screenshots:too_many'])
    expect(codes({ ...good, screenshots: [{ id: 'x' }] })).toEqual(['screenshots.0:wrong_type'])
  })

  it('accepts numeric strings for numbers, as HTML inputs send them', () => {
    const r = validateSubmission(schema, { ...good, asked: ['payment'], loss: ' 1200.5 ' })
    expect(r.values.loss).toBe(1200.5)
  })
})

describe('normalizePhone', () => {
  it('reads Hong Kong, Macau and mainland numbers into E.164 and refuses others', () => {
    expect(normalizePhone('+852 9123-4567')).toBe('+85291234567')
    expect(normalizePhone('00852 2123 4567')).toBe('+85221234567')
    expect(normalizePhone('6612 3456')).toBe('+85266123456')
    expect(normalizePhone('28123456')).toBe('+85228123456')
    expect(normalizePhone('28123456', ['MO'])).toBe('+85328123456')
    expect(normalizePhone('+853 6612 3456')).toBe('+85366123456')
    expect(normalizePhone('138 0013 8000')).toBe('+8613800138000')
    expect(normalizePhone('+86 12800138000')).toBeNull()
    expect(normalizePhone('41234567')).toBeNull()
    expect(normalizePhone('+44 20 7946 0958')).toBeNull()
    expect(normalizePhone('91234567', ['CN'])).toBeNull()
  })
})
