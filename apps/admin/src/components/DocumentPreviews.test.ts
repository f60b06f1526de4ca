import { mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LABEL_POLICY } from '@suite/classifier'
import { RuleTemplateDocument, type LabelPolicy } from '@suite/domain'
import { formatDate } from '@suite/ui'
import PolicyPreview from './PolicyPreview.vue'
import TemplatePreview from './TemplatePreview.vue'

describe('PolicyPreview: the typed policy evaluated on a sample text with the detection engine', () => {
  it.each([
    ['zh-HK', '機密', '公開'],
    ['zh-CN', '机密', '公开'],
    ['en', 'Confidential', 'Public'],
  ] as const)(
    'in %s: the sample (an HKID, a phone, an email, contract words) is confidential; a plain text falls to the default',
    async (locale, confidential, publicLabel) => {
      const { wrapper: w } = await mountWithSuite(PolicyPreview, { props: { policy: DEFAULT_LABEL_POLICY }, locale })
      expect(w.get('[data-test="suggested-label"]').text()).toBe(confidential)
      expect(w.get('[data-test="matched-rules"]').text()).toContain('identifiers')
      expect(w.get('[data-test="matched-rules"]').text()).toContain('contacts-and-business')
      // Masked, never the raw value.
      expect(w.get('[data-test="findings"]').text()).not.toContain('A123456(3)')
      await w.get('textarea').setValue('Lunch at noon')
      expect(w.get('[data-test="suggested-label"]').text()).toBe(publicLabel)
      expect(w.get('[data-test="no-rule"]').text()).toContain(publicLabel)
    },
  )

  it('follows the policy as it is typed: a stricter default and a rule on phones only', async () => {
    const policy: LabelPolicy = {
      schemaVersion: 1,
      defaultLabel: 'internal',
      rules: [
        {
          id: 'phones',
          label: 'confidential',
          match: 'any',
          conditions: [{ type: 'phone', minCount: 2, minConfidence: 0 }],
        },
      ],
    }
    const { wrapper: w } = await mountWithSuite(PolicyPreview, { props: { policy }, locale: 'en' })
    await w.get('textarea').setValue('Call +852 9123 4567')
    expect(w.get('[data-test="suggested-label"]').text()).toBe('Internal')
    await w.get('textarea').setValue('Call +852 9123 4567 or +852 6123 4567')
    expect(w.get('[data-test="suggested-label"]').text()).toBe('Confidential')
    expect(w.get('[data-test="matched-rules"]').text()).toContain('phones')
  })
})

describe('TemplatePreview: the typed template computing a sample deadline with the court rules', () => {
  const defence = RuleTemplateDocument.parse({
    name: { 'zh-HK': '送達抗辯書', 'zh-CN': '送达抗辩书', en: 'Service of defence' },
    period: 28,
    direction: 'after',
    anchorEvent: 'ack_service_time_expired',
    citation: 'RHC O.18 r.2(1)',
  })
  const now = new Date('2026-03-02T02:00:00Z') // Monday 2 March 2026 in Hong Kong

  it.each(['zh-HK', 'zh-CN', 'en'] as const)(
    'in %s: 28 days after 2 March 2026 is 30 March; 35 days land on Easter Monday and move to 8 April',
    async (locale) => {
      const { wrapper: w } = await mountWithSuite(TemplatePreview, { props: { template: defence, now }, locale })
      expect(w.get('[data-test="template-name"]').text()).toBe(defence.name[locale])
      expect(w.get('[data-test="template-deadline"]').text()).toBe(formatDate('2026-03-30', 'long', locale))
      await w.setProps({ template: { ...defence, period: 35 } })
      expect(w.get('[data-test="template-deadline"]').text()).toBe(formatDate('2026-04-08', 'long', locale))
      expect(w.text()).toContain(formatDate('2026-04-06', 'medium', locale))
      expect(w.get('[data-test="template-excluded"]').text()).toContain('O.3 r.4')
    },
  )

  it('computes from the date typed, and shows the short-period rule and an archived template', async () => {
    const summons = RuleTemplateDocument.parse({
      name: { 'zh-HK': '傳票', 'zh-CN': '传票', en: 'Summons' },
      period: 2,
      direction: 'before',
      clear: true,
      anchorEvent: 'hearing',
      citation: 'RHC O.32 r.3',
      archived: true,
    })
    const { wrapper: w } = await mountWithSuite(TemplatePreview, { props: { template: summons, now }, locale: 'en' })
    await w.get('input[name="anchorDate"]').setValue('2026-04-08')
    await flushPromises()
    // Two clear days before Wednesday 8 April 2026 are 1 and 2 April (3 to 7 April are holidays or the weekend): serve by 31 March.
    expect(w.get('[data-test="template-deadline"]').text()).toBe(formatDate('2026-03-31', 'long', 'en'))
    expect(w.text()).toContain('O.3 r.2(5)')
    expect(w.text()).toContain('Archived')
    expect(w.get('[data-test="template-rule"]').text()).toContain('2 days before the event · clear days')
  })
})
