import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { demoUser, makeCaseSummary, makeSession, makeUser } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import CasesPage from './CasesPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('CasesPage', () => {
  it('lists my cases with number, title and status, and opens one', async () => {
    const list = vi.fn(async () => ({
      items: [makeCaseSummary(0), makeCaseSummary(1, { status: 'on_hold', restrictedToInternal: true })],
      nextCursor: null,
    }))
    const { wrapper, router } = await mountWithSuite(CasesPage, { api: fakeApi({ cases: { list } }) })
    const items = wrapper.findAll('.cases-page__item')
    expect(items.map((i) => i.find('.cases-page__number').text())).toEqual(['HCA 1234/2026', 'DCCJ 5678/2026'])
    expect(items[1]!.text()).toContain('暫停')
    expect(items[1]!.text()).toContain('只限內部')
    await items[0]!.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/cases/case-hca-1234/timeline'))
  })

  it('searches and filters on the server', async () => {
    vi.useFakeTimers()
    try {
      const list = vi.fn(async () => ({ items: [], nextCursor: null }))
      const { wrapper } = await mountWithSuite(CasesPage, { api: fakeApi({ cases: { list } }) })
      await wrapper.find('input').setValue('HCA')
      await vi.advanceTimersByTimeAsync(400)
      expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'HCA' }))
      await wrapper.findAll('.cases-page__status input')[2]!.setValue(true)
      await flushPromises()
      expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'HCA', status: 'on_hold' }))
      expect(wrapper.text()).toContain('沒有符合搜尋條件的案件。')
    } finally {
      vi.useRealTimers()
    }
  })

  it('explains an empty list, and only partners may open a case', async () => {
    const api = fakeApi({ cases: { list: async () => ({ items: [], nextCursor: null }) } })
    const asClient = await mountWithSuite(CasesPage, { api, session: makeSession(makeUser(demoUser('u-client-tse'))) })
    expect(asClient.wrapper.text()).toContain('你所屬的案件會在此顯示')
    expect(asClient.wrapper.text()).not.toContain('新增案件')
    asClient.wrapper.unmount()
    const asPartner = await mountWithSuite(CasesPage, { api })
    expect(asPartner.wrapper.text()).toContain('新增案件')
  })

  it('shows the error with a retry', async () => {
    const list = vi
      .fn()
      .mockRejectedValueOnce({ code: 'network_error', status: 0 })
      .mockResolvedValue({ items: [makeCaseSummary(0)], nextCursor: null })
    const { wrapper } = await mountWithSuite(CasesPage, { api: fakeApi({ cases: { list } }), locale: 'en' })
    expect(wrapper.text()).toContain('Cannot reach the server')
    await wrapper.find('.suite-error-state__retry').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.cases-page__item')).toHaveLength(1)
  })
})
