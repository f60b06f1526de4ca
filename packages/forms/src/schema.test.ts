import { describe, expect, it } from 'vitest'
import { FormSchema, parseFormSchema } from './schema'
import { SAMPLE_FORM } from './testing'

const t = (s: string) => ({ 'zh-HK': s, 'zh-CN': s, en: s })
const form = (fields: unknown[]) => ({ schemaVersion: 1, title: t('F'), fields })

describe('FormSchema', () => {
  it('accepts the sample form with every field type and applies defaults', () => {
    const parsed = FormSchema.parse(SAMPLE_FORM)
    expect(parsed.fields.map((f) => f.type).sort()).toEqual([
      'date',
      'file',
      'multiselect',
      'number',
      'person',
      'phone',
      'select',
      'text',
      'text',
      'textarea',
      'url',
    ])
    expect(parsed.fields.find((f) => f.name === 'message')?.required).toBe(false)
  })

  it('requires labels in all three languages', () => {
    const r = parseFormSchema(form([{ name: 'a', type: 'text', label: { 'zh-HK': '甲', en: 'A' } }]))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('fields.0.label.zh-CN')
  })

  it('refuses duplicate names, forward or unknown conditions, and bad ranges with dotted paths', () => {
    const r = parseFormSchema(
      form([
        { name: 'a', type: 'text', label: t('a'), visibleWhen: { field: 'b', notEmpty: true } },
        { name: 'b', type: 'number', label: t('b'), min: 5, max: 1 },
        { name: 'b', type: 'text', label: t('b2'), minLength: 9, maxLength: 3 },
        { name: 'c', type: 'text', label: t('c'), pattern: '([a-z' },
        {
          name: 'd',
          type: 'select',
          label: t('d'),
          options: [
            { value: 'x', label: t('x') },
            { value: 'x', label: t('y') },
          ],
        },
        { name: 'e', type: 'text', label: t('e'), visibleWhen: { field: 'd', equals: 'nope' } },
        { name: 'f', type: 'date', label: t('f'), min: '2026-02-30' },
      ]),
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    const paths = r.errors.map((e) => e.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'fields.0.visibleWhen.field',
        'fields.1.min',
        'fields.2.name',
        'fields.2.minLength',
        'fields.3.pattern',
        'fields.4.options.1.value',
        'fields.5.visibleWhen.equals',
        'fields.6.min',
      ]),
    )
  })

  it('needs exactly one operator in visibleWhen and refuses unknown keys', () => {
    expect(
      parseFormSchema(
        form([
          { name: 'a', type: 'text', label: t('a') },
          { name: 'b', type: 'text', label: t('b'), visibleWhen: { field: 'a', equals: 'x', notEmpty: true } },
        ]),
      ).ok,
    ).toBe(false)
    expect(parseFormSchema(form([{ name: 'a', type: 'text', label: t('a'), colour: 'red' }])).ok).toBe(false)
    expect(parseFormSchema(form([{ name: 'a', type: 'signature', label: t('a') }])).ok).toBe(false)
  })
})
