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
    await wrapper.find('input[name="from"]').setValue('17/04/2025')
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
    await wrapper.find('input[name="from"]').setValue('23/12/2025')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.el-alert').text()).toContain('無法連接伺服器')
    expect((wrapper.find('input[name="from"]').element as HTMLInputElement).value).toBe('23/12/2025')
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

  it('saves the computed date as a deadline of a case, asking first when the date is already past', async () => {
    const create = vi.fn(async () => makeDeadline({ id: 'dl-5' as never, status: 'missed' }))
    const { wrapper, router } = await mountWithSuite(CalculatorPage, {
      api: fakeCourtApi({ calculate: async () => answer, templates, deadlines: { create } }),
    })
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const save = wrapper.find('.save-as-deadline')
    expect(save.find('h3').text()).toBe('儲存為期限')
    save.findComponent(ElSelect).vm.$emit('update:modelValue', 'case-hca-1234')
    await save.find('input[name="saveTitle"]').setValue('File the affirmation')
    await save.find('form').trigger('submit')
    await flushPromises()
    // 30 April 2025 is long past on 8 April 2026: nothing is saved before the lawyer says what happened.
    expect(create).not.toHaveBeenCalled()
    const dialog = document.body.querySelector('.el-dialog')!
    ;[...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === '記錄為已錯過')!.click()
    await flushPromises()
    expect(create).toHaveBeenCalledWith({
      caseId: 'case-hca-1234',
      title: 'File the affirmation',
      kind: 'computed',
      anchor: { type: 'date', date: '2025-04-17' },
      pastDue: 'missed',
      rule: answer.rule,
    })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/deadlines/dl-5'))
  })
})
