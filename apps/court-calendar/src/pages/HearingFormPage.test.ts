import { mountWithSuite } from '@suite/app-kit/testing'
import { makeHearing } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { ElOption, ElSelect } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCourtApi } from '../testing/fake-api'
import CourtSelect from '../components/CourtSelect.vue'
import HearingFormPage from './HearingFormPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

async function fill(wrapper: Awaited<ReturnType<typeof mountWithSuite>>['wrapper']) {
  const selects = wrapper.findAllComponents(ElSelect)
  selects[0]!.vm.$emit('update:modelValue', 'case-hca-1234')
  selects[2]!.vm.$emit('update:modelValue', 'Court of First Instance 原訟法庭')
  await wrapper.find('input[name="date"]').setValue('04/05/2026')
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
    expect((wrapper.find('input[name="date"]').element as HTMLInputElement).value).toBe('04/05/2026')
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
    expect((wrapper.find('input[name="date"]').element as HTMLInputElement).value).toBe('08/04/2026')
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

  it('offers the Hong Kong courts and registries by name, searchable in any language, storing both names', async () => {
    const { wrapper } = await mountWithSuite(HearingFormPage, {
      api: fakeCourtApi({}),
      route: '/hearings/new',
    })
    const court = wrapper.findComponent(CourtSelect)
    court.findComponent(ElSelect).vm.$emit('visible-change', true)
    await flushPromises()
    const labels = () => court.findAllComponents(ElOption).map((o) => o.props('label'))
    for (const name of [
      '終審法院',
      '高等法院上訴法庭',
      '高等法院原訟法庭',
      '區域法院',
      '家事法庭',
      '土地審裁處',
      '勞資審裁處',
      '小額錢債審裁處',
      '競爭事務審裁處',
      '死因裁判法庭',
      '東區裁判法院',
      '九龍城裁判法院',
      '觀塘裁判法院',
      '西九龍裁判法院',
      '粉嶺裁判法院',
      '沙田裁判法院',
      '屯門裁判法院',
      '高等法院登記處',
      '區域法院登記處',
    ])
      expect(labels()).toContain(name)
    // The court already used in the firm's cases stays a choice.
    expect(labels()).toContain('Court of First Instance 原訟法庭')
    // Typed in English on a Chinese screen: the Magistrates' Courts, named in Chinese.
    ;(court.findComponent(ElSelect).props('filterMethod') as (q: string) => void)('magistrates')
    await flushPromises()
    expect(labels()).toEqual([
      '東區裁判法院',
      '九龍城裁判法院',
      '觀塘裁判法院',
      '西九龍裁判法院',
      '粉嶺裁判法院',
      '沙田裁判法院',
      '屯門裁判法院',
    ])
    expect(court.findAllComponents(ElOption)[0]!.props('value')).toBe("東區裁判法院 Eastern Magistrates' Courts")
  })
})
