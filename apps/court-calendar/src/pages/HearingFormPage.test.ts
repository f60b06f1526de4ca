import { mountWithSuite } from '@suite/app-kit/testing'
import { makeHearing } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCourtApi } from '../testing/fake-api'
import HearingFormPage from './HearingFormPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

async function fill(wrapper: Awaited<ReturnType<typeof mountWithSuite>>['wrapper']) {
  const selects = wrapper.findAllComponents(ElSelect)
  selects[0]!.vm.$emit('update:modelValue', 'case-hca-1234')
  selects[2]!.vm.$emit('update:modelValue', 'Court of First Instance 原訟法庭')
  await wrapper.find('input[name="date"]').setValue('2026-05-04')
  await wrapper.find('input[name="start"]').setValue('09:30')
  await wrapper.find('input[name="end"]').setValue('12:30')
  await wrapper.find('input[name="courtroom"]').setValue('13')
  await flushPromises()
}

describe('HearingFormPage', () => {
  it('keeps everything typed when saving fails, then saves in Hong Kong time', async () => {
    const create = vi
      .fn()
      .mockRejectedValueOnce({ code: 'network_error', status: 0 })
      .mockResolvedValue(makeHearing({ id: 'hr-9' as never }))
    const { wrapper, router } = await mountWithSuite(HearingFormPage, {
      api: fakeCourtApi({ hearings: { create } }),
      route: '/hearings/new',
    })
    await fill(wrapper)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.el-alert').text()).toContain('無法連接伺服器')
    expect((wrapper.find('input[name="courtroom"]').element as HTMLInputElement).value).toBe('13')
    expect((wrapper.find('input[name="date"]').element as HTMLInputElement).value).toBe('2026-05-04')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(create).toHaveBeenLastCalledWith({
      caseId: 'case-hca-1234',
      court: 'Court of First Instance 原訟法庭',
      courtroom: '13',
      judge: null,
      type: 'interlocutory',
      title: null,
      startsAt: '2026-05-04T09:30:00+08:00',
      endsAt: '2026-05-04T12:30:00+08:00',
      lawyerIds: ['u-chan'],
      notes: null,
    })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/hearings/hr-9'))
  })

  it('will not save an end before the start', async () => {
    const { wrapper } = await mountWithSuite(HearingFormPage, {
      api: fakeCourtApi({ hearings: { create: vi.fn() } }),
      route: '/hearings/new',
      locale: 'en',
    })
    await fill(wrapper)
    await wrapper.find('input[name="end"]').setValue('08:00')
    await flushPromises()
    // Element Plus shows a field's error after a short debounce.
    await vi.waitFor(() => expect(wrapper.find('.el-form-item__error').text()).toBe('The end must be after the start'))
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeDefined()
  })

  it('edits a hearing: the form starts from what is stored', async () => {
    const update = vi.fn(async () => makeHearing())
    const { wrapper } = await mountWithSuite(HearingFormPage, {
      api: fakeCourtApi({ hearings: { get: async () => makeHearing(), update } }),
      route: '/hearings/hr-1/edit',
    })
    expect((wrapper.find('input[name="date"]').element as HTMLInputElement).value).toBe('2026-04-08')
    expect((wrapper.find('input[name="start"]').element as HTMLInputElement).value).toBe('10:00')
    await wrapper.find('input[name="start"]').setValue('14:00')
    await wrapper.find('input[name="end"]').setValue('15:00')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(update).toHaveBeenCalledWith(
      'hr-1',
      expect.objectContaining({
        startsAt: '2026-04-08T14:00:00+08:00',
        endsAt: '2026-04-08T15:00:00+08:00',
        courtCaseNumber: 'HCA 1234/2026',
      }),
    )
  })
})
