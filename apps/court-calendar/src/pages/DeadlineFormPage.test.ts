import type { CalculateResult } from '@suite/domain'
import { mountWithSuite } from '@suite/app-kit/testing'
import { makeAgenda, makeDeadline, makeHearing, makeRuleTemplate, makeTriggerEvent } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCourtApi } from '../testing/fake-api'
import DeadlineFormPage from './DeadlineFormPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const preview: CalculateResult = {
  deadline: '2026-03-31',
  unadjusted: '2026-03-31',
  shortPeriodRule: true,
  warnings: [],
  counted: ['2026-04-01', '2026-04-02'],
  excluded: [{ date: '2026-04-03', reason: 'general_holiday', name: 'Good Friday', rule: 'O.3 r.2(5)' }],
  from: '2026-04-08',
  rule: {
    period: 2,
    unit: 'days',
    direction: 'before',
    clear: true,
    ignoreShortPeriodRule: false,
    includeAnchorDay: false,
    closedDayRule: 'roll',
  },
  templateId: 'summons-service',
  citation: 'RHC O.32 r.3',
}

describe('DeadlineFormPage', () => {
  it('from a hearing and a template: previews the date with its working, then saves', async () => {
    const calculate = vi.fn(async () => preview)
    const create = vi.fn(async () => makeDeadline({ id: 'dl-7' as never }))
    const api = fakeCourtApi({
      agenda: vi.fn(async () => makeAgenda({ hearings: [makeHearing()] })),
      triggers: { list: vi.fn(async () => []) },
      templates: { list: vi.fn(async () => [makeRuleTemplate()]) },
      calculate,
      deadlines: { create },
    })
    const { wrapper, router } = await mountWithSuite(DeadlineFormPage, {
      api,
      route: '/deadlines/new?caseId=case-hca-1234&hearingId=hr-1',
    })
    await wrapper.find('input[name="title"]').setValue('Serve the summons')
    wrapper.findAllComponents(ElSelect)[1]!.vm.$emit('update:modelValue', 'summons-service')
    await flushPromises()
    expect(calculate).toHaveBeenLastCalledWith({ from: '2026-04-08', templateId: 'summons-service' })
    expect(wrapper.find('.deadline-form-page__preview').text()).toBe('到期日：2026年3月31日（星期二）')
    expect(wrapper.find('.deadline-working__excluded').text()).toContain('Good Friday')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(create).toHaveBeenCalledWith({
      caseId: 'case-hca-1234',
      title: 'Serve the summons',
      lawyerIds: ['u-chan'],
      notes: null,
      kind: 'computed',
      anchor: { type: 'hearing', hearingId: 'hr-1' },
      templateId: 'summons-service',
    })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/deadlines/dl-7'))
  })

  it('records a new event first when the deadline runs from one', async () => {
    const triggers = { list: vi.fn(async () => []), create: vi.fn(async () => makeTriggerEvent()) }
    const create = vi.fn(async () => makeDeadline())
    const api = fakeCourtApi({
      agenda: async () => makeAgenda(),
      triggers,
      templates: { list: async () => [] },
      calculate: async () => preview,
      deadlines: { create },
    })
    const { wrapper } = await mountWithSuite(DeadlineFormPage, { api, route: '/deadlines/new?caseId=case-hca-1234' })
    await wrapper.find('input[name="title"]').setValue('Defence')
    await wrapper.findAll('input[name="mode"]')[1]!.setValue(true)
    await wrapper.findAll('input[name="anchorType"]')[1]!.setValue(true)
    await flushPromises()
    const triggerSelect = wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.attributes('name') === 'triggerId' || s.find('input[name="triggerId"]').exists())!
    triggerSelect.vm.$emit('update:modelValue', '__new')
    await flushPromises()
    await wrapper.find('input[name="newTriggerDate"]').setValue('2026-03-02')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(triggers.create).toHaveBeenCalledWith({
      caseId: 'case-hca-1234',
      kind: 'writ_served',
      occurredOn: '2026-03-02',
    })
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'computed',
        anchor: { type: 'trigger', triggerId: 'tr-1' },
        rule: { period: 14, unit: 'days', direction: 'after', clear: false },
      }),
    )
  })
})
