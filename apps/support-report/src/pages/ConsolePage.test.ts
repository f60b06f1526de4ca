import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import type { TriageGroup } from '@suite/domain'
import { makeTriageReport } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ConsolePage from './ConsolePage.vue'

const group = (key: string, ids: string[], urgent = false): TriageGroup => ({
  key,
  kind: 'phone',
  display: key.slice(6),
  count: ids.length,
  latestAt: '2026-11-20T02:00:00.000Z',
  verdict: 'suspicious',
  knownScam: false,
  urgent,
  byStatus: { new: ids.length },
  reports: ids.map((id) =>
    makeTriageReport({
      id: id as never,
      identifier: key.slice(6),
      identifierKey: key,
      identifierDisplay: key.slice(6),
      askedFor: ['one_time_code'],
      complied: urgent ? 'yes' : 'no',
      urgent,
      message: '我係釘釘客服',
      reasons: [{ code: 'no_phone_support' }],
      receivedAt: '2026-11-20T02:00:00.000Z',
      updatedAt: '2026-11-20T02:00:00.000Z',
    }),
  ),
})

describe('ConsolePage', () => {
  it('groups the queue by contact and confirms a whole group in one action', async () => {
    const triage = vi.fn().mockResolvedValue({
      groups: [group('phone:+85261234567', ['rep_a', 'rep_b']), group('phone:+85291112222', ['rep_c'])],
      total: 2,
    })
    const triageAction = vi.fn().mockResolvedValue({ updated: 2, notified: 2, knownScamsAdded: 1 })
    const { wrapper } = await mountWithSuite(ConsolePage, {
      api: fakeApi({
        support: { triage, triageAction, triageExportUrl: () => '/api/support/triage/export?status=new' },
      }),
      userId: 'u-lam',
      locale: 'en',
      route: '/console',
    })
    expect(triage).toHaveBeenCalledWith({ status: 'new' })
    const groups = wrapper.findAll('[data-group]')
    expect(groups.map((g) => g.attributes('data-group'))).toEqual(['phone:+85261234567', 'phone:+85291112222'])
    expect(groups[0]!.text()).toContain('2 reports')
    expect(groups[0]!.text()).toContain('DingTalk has no customer-service phone line')
    expect(wrapper.get('a[download]').attributes('href')).toContain('/export')
    // The form is edited in the admin app (a low-code document, published with a step-up).
    expect(wrapper.get('[data-test="edit-form"]').attributes('href')).toBe(
      '/apps/admin/?corpId=dingdemocorp0001#/documents/form/support-report',
    )

    await groups[0]!.get('.console-page__group-head input[type="checkbox"]').setValue(true)
    await flushPromises()
    expect(wrapper.get('.console-page__bulk').text()).toContain('2 selected')
    const state = (wrapper.vm as unknown as { $: { setupState: { nextStatus: string; resolution: string } } }).$
      .setupState
    state.nextStatus = 'confirmed_scam'
    await flushPromises()
    state.resolution = 'Number blocked.'
    await wrapper
      .findAll('.console-page__bulk button')
      .find((b) => b.text() === 'Apply')!
      .trigger('click')
    await flushPromises()
    expect(triageAction).toHaveBeenCalledWith({
      action: 'set_status',
      status: 'confirmed_scam',
      resolution: 'Number blocked.',
      reportIds: ['rep_a', 'rep_b'],
    })
    expect(triage).toHaveBeenCalledTimes(2)
  })

  it("flags a group where someone handed over a code as urgent, in the reader's language", async () => {
    const triage = vi.fn().mockResolvedValue({
      groups: [group('phone:+85263331000', ['rep_u'], true), group('phone:+85291112222', ['rep_c'])],
      total: 2,
    })
    const { wrapper } = await mountWithSuite(ConsolePage, {
      api: fakeApi({ support: { triage, triageExportUrl: () => '/x' } }),
      userId: 'u-lam',
      route: '/console',
    })
    const [urgent, calm] = wrapper.findAll('[data-group]')
    expect(urgent!.get('[data-test="urgent"]').text()).toBe('緊急：已交出驗證碼、密碼或銀行資料')
    expect(urgent!.get('[data-report="rep_u"]').text()).toContain('緊急')
    expect(calm!.find('[data-test="urgent"]').exists()).toBe(false)
  })
})
