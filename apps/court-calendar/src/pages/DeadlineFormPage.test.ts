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
    // 31 March is before today (8 April 2026 in Hong Kong): the form says so, and saving asks what to record.
    expect(wrapper.find('.deadline-form-page__past').text()).toContain('此日期已經過去')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(create).not.toHaveBeenCalled()
    const dialog = document.body.querySelector('.el-dialog')!
    expect(dialog.textContent).toContain('到期日 2026年3月31日（星期二） 已經過去（香港時間）')
    const choices = [...dialog.querySelectorAll('button')].map((b) => b.textContent?.trim())
    expect(choices).toEqual(expect.arrayContaining(['記錄為已完成', '記錄為已錯過', '保持未完成（已過期）']))
    ;[...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === '記錄為已完成')!.click()
    await flushPromises()
    expect(create).toHaveBeenCalledWith({
      caseId: 'case-hca-1234',
      title: 'Serve the summons',
      lawyerIds: ['u-chan'],
      notes: null,
      pastDue: 'done',
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
      calculate: async () => ({ ...preview, deadline: '2026-04-30' }),
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
    // Typed day/month/year, the Hong Kong way: 2 March 2026.
    await wrapper.find('input[name="newTriggerDate"]').setValue('02/03/2026')
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

  it('when the server refuses a date already past, asks, and keeps it open as overdue when told so', async () => {
    const refusal = Object.assign(new Error('Invalid body'), {
      status: 400,
      code: 'validation_failed',
      fields: [{ path: 'dueOn', code: 'past_due', message: '到期日 2026-04-07 已經過去（香港時間）。' }],
      requestId: 'req-1',
    })
    const create = vi
      .fn()
      .mockRejectedValueOnce(refusal)
      .mockResolvedValueOnce(makeDeadline({ id: 'dl-9' as never }))
    const api = fakeCourtApi({
      agenda: async () => makeAgenda(),
      triggers: { list: async () => [] },
      templates: { list: async () => [] },
      calculate: async () => preview,
      deadlines: { create },
    })
    const { wrapper, router } = await mountWithSuite(DeadlineFormPage, {
      api,
      route: '/deadlines/new?caseId=case-hca-1234',
    })
    await wrapper.find('input[name="title"]').setValue('Lodge the bundle')
    await wrapper.findAll('input[name="mode"]')[2]!.setValue(true)
    await flushPromises()
    // The fixed date starts at today, which the device does not count as past: the server's clock decides.
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(create).toHaveBeenCalledTimes(1)
    const dialog = document.body.querySelector('.el-dialog')!
    expect(dialog.textContent).toContain('此日期已經過去')
    ;[...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === '保持未完成（已過期）')!.click()
    await flushPromises()
    expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'fixed', pastDue: 'open' }))
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/deadlines/dl-9'))
  })
})
