import { mountWithSuite } from '@suite/app-kit/testing'
import { makeCourtCalendarOptions, makeHearing } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { ElMessageBox } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCourtApi } from '../testing/fake-api'
import HearingPage from './HearingPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('HearingPage', () => {
  it('shows the hearing in Hong Kong time with each lawyer’s DingTalk sync state', async () => {
    const { wrapper } = await mountWithSuite(HearingPage, {
      api: fakeCourtApi({ hearings: { get: async () => makeHearing({ dependents: 2 }) } }),
      route: '/hearings/hr-1',
    })
    expect(wrapper.find('.hearing-page__title').text()).toBe('HCA 1234/2026 · 審前覆核')
    expect(wrapper.find('.hearing-page__facts').text()).toContain('2026年4月8日（星期三） 10:00–12:00')
    // SEQUENCE starts at 0; people count versions from 1.
    expect(wrapper.find('.hearing-page__facts').text()).toContain('人手輸入 · 第 1 版')
    expect(wrapper.text()).toContain('以此聆訊計算的期限：2 個')
    const rows = wrapper.findAll('.sync-details__row')
    expect(rows.map((r) => r.find('.sync-details__name').text())).toEqual(['陳大文 Chan Tai-man', '李嘉欣 Lee Ka-yan'])
    expect(rows[0]!.text()).toContain('已在釘釘')
    expect(rows[1]!.text()).toContain('rate_limited')
  })

  it('lets an editor queue the sync again and cancel the hearing', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const hearings = {
      get: async () => makeHearing(),
      resync: vi.fn(async () => ({ queued: true })),
      cancel: vi.fn(async () => makeHearing({ status: 'cancelled', sequence: 1 })),
    }
    const { wrapper } = await mountWithSuite(HearingPage, { api: fakeCourtApi({ hearings }), route: '/hearings/hr-1' })
    await wrapper.find('.sync-details button').trigger('click')
    await flushPromises()
    expect(hearings.resync).toHaveBeenCalledWith('hr-1')
    const cancel = wrapper.findAll('.hearing-page__actions button').find((b) => b.text() === '取消聆訊')!
    await cancel.trigger('click')
    await flushPromises()
    expect(hearings.cancel).toHaveBeenCalledWith('hr-1')
    expect(wrapper.find('.hearing-page__head').text()).toContain('已取消')
    expect(wrapper.findAll('.hearing-page__actions button').map((b) => b.text())).toEqual(['恢復'])
  })

  it('offers no changes to someone who may only look (a client)', async () => {
    const readOnly = makeCourtCalendarOptions({
      cases: makeCourtCalendarOptions().cases.map((c) => ({ ...c, canEdit: false })),
    })
    const { wrapper } = await mountWithSuite(HearingPage, {
      api: fakeCourtApi({ hearings: { get: async () => makeHearing() } }, readOnly),
      route: '/hearings/hr-1',
    })
    expect(wrapper.find('.hearing-page__actions').exists()).toBe(false)
    expect(wrapper.find('.sync-details button').exists()).toBe(false)
  })
})
