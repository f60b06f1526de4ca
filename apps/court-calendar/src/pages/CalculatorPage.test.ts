import type { CalculateResult } from '@suite/domain'
import { mountWithSuite } from '@suite/app-kit/testing'
import { makeDeadline, makeRuleTemplate } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCourtApi } from '../testing/fake-api'
import CalculatorPage from './CalculatorPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const worked = makeDeadline()
const answer: CalculateResult = {
  ...worked.working!,
  from: '2025-04-17',
  rule: worked.rule!,
  templateId: null,
  citation: null,
}
const templates = { list: vi.fn(async () => []) }

describe('CalculatorPage', () => {
  it('sends the period and shows the date with its working', async () => {
    const calculate = vi.fn(async () => answer)
    const { wrapper } = await mountWithSuite(CalculatorPage, {
      api: fakeCourtApi({ calculate, templates }),
      locale: 'en',
    })
    await wrapper.find('input[name="from"]').setValue('2025-04-17')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(calculate).toHaveBeenCalledWith({
      from: '2025-04-17',
      period: 7,
      unit: 'days',
      direction: 'after',
      clear: false,
      ignoreShortPeriodRule: false,
    })
    expect(wrapper.find('.calculator-page__deadline').text()).toBe('Wednesday, 30 April 2025')
    expect(wrapper.findAll('.deadline-working__excluded li')).toHaveLength(6)
  })

  it('keeps what was typed when the request fails', async () => {
    const calculate = vi.fn().mockRejectedValue({ code: 'network_error', status: 0 })
    const { wrapper } = await mountWithSuite(CalculatorPage, { api: fakeCourtApi({ calculate, templates }) })
    await wrapper.find('input[name="from"]').setValue('2025-12-23')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.el-alert').text()).toContain('無法連接伺服器')
    expect((wrapper.find('input[name="from"]').element as HTMLInputElement).value).toBe('2025-12-23')
  })

  it('uses a rule template when one is chosen', async () => {
    const calculate = vi.fn(async () => ({ ...answer, templateId: 'summons-service', citation: 'RHC O.32 r.3' }))
    const list = vi.fn(async () => [makeRuleTemplate()])
    const { wrapper } = await mountWithSuite(CalculatorPage, { api: fakeCourtApi({ calculate, templates: { list } }) })
    await flushPromises()
    wrapper.findComponent(ElSelect).vm.$emit('update:modelValue', 'summons-service')
    await flushPromises()
    expect(wrapper.find('input[name="period"]').exists()).toBe(false)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(calculate).toHaveBeenCalledWith({ from: '2026-04-08', templateId: 'summons-service' })
    expect(wrapper.find('.calculator-page__citation').text()).toBe('RHC O.32 r.3')
  })
})
