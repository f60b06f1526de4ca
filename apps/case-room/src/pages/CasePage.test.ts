import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeCaseDetail } from '@suite/domain/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import CasePage from './CasePage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const eventsApi = { list: async () => [] }

describe('CasePage', () => {
  it('a client gets tabs only for the tiers they may see: never the internal area', async () => {
    const detail = makeCaseDetail({ role: 'client', membership: { status: 'active', tierCeiling: 'restricted' } })
    const { wrapper } = await mountWithSuite(CasePage, {
      api: fakeApi({ caseRoom: { get: async () => detail, events: eventsApi } }),
      route: '/cases/case-hca-1234/timeline',
    })
    const tabs = wrapper.findAll('.el-tabs__item').map((x) => x.text())
    expect(tabs).toEqual(['進展', '共享區', '審閱草稿', '成員'])
    expect(wrapper.text()).not.toContain('內部區')
    expect(wrapper.find('.case-page__status').exists()).toBe(false)
  })

  it('a partner sees all three areas, edits the status and is warned while externals are suspended', async () => {
    const detail = makeCaseDetail(undefined, { restrictedToInternal: true })
    const { wrapper } = await mountWithSuite(CasePage, {
      api: fakeApi({ caseRoom: { get: async () => detail, events: eventsApi } }),
      route: '/cases/case-hca-1234/timeline',
      locale: 'en',
    })
    expect(wrapper.findAll('.el-tabs__item').map((x) => x.text())).toEqual([
      'Timeline',
      'Shared',
      'Drafts for review',
      'Internal',
      'Members',
    ])
    expect(wrapper.text()).toContain('Outside access is paused')
    expect(wrapper.find('.case-page__status').exists()).toBe(true)
  })

  it('sends someone who typed a hidden area into the URL back to the timeline', async () => {
    const detail = makeCaseDetail({ role: 'client', membership: { status: 'active', tierCeiling: 'public' } })
    const { router } = await mountWithSuite(CasePage, {
      api: fakeApi({ caseRoom: { get: async () => detail, events: eventsApi } }),
      route: '/cases/case-hca-1234/private',
    })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/cases/case-hca-1234/timeline'))
  })

  it('shows “not found” for a case the server hides', async () => {
    const { wrapper } = await mountWithSuite(CasePage, {
      api: fakeApi({ caseRoom: { get: vi.fn().mockRejectedValue({ code: 'not_found', status: 404 }) } }),
      route: '/cases/case-x/timeline',
    })
    expect(wrapper.text()).toContain('此案件不存在，或你沒有存取權限。')
    // Retrying cannot make a hidden case appear: the way back to the list is offered instead.
    expect(wrapper.find('.suite-error-state__retry').exists()).toBe(false)
    expect(wrapper.find('.case-page__gone .el-button').text()).toBe('返回我的案件')
  })

  it('keeps “retry” for a failure that may pass', async () => {
    const { wrapper } = await mountWithSuite(CasePage, {
      api: fakeApi({ caseRoom: { get: vi.fn().mockRejectedValue({ code: 'upstream_unavailable', status: 502 }) } }),
      route: '/cases/case-x/timeline',
    })
    expect(wrapper.find('.suite-error-state__retry').exists()).toBe(true)
  })
})
