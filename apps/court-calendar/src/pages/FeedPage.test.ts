import { mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises } from '@vue/test-utils'
import { ElMessageBox } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCourtApi } from '../testing/fake-api'
import FeedPage from './FeedPage.vue'

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

const URL1 = 'http://localhost:8080/api/court-calendar/feed/abc.def/calendar.ics'

describe('FeedPage', () => {
  it('creates the feed address and copies it', async () => {
    const feed = {
      get: vi.fn(async () => ({ url: null, createdAt: null })),
      rotate: vi.fn(async () => ({ url: URL1, createdAt: '2026-04-08T02:00:00.000Z' })),
    }
    const copyText = vi.fn(async () => undefined)
    const { wrapper } = await mountWithSuite(FeedPage, { api: fakeCourtApi({ feed }), deps: { copyText } })
    expect(wrapper.text()).toContain('你尚未有訂閱網址。')
    await wrapper.find('.feed-page__create').trigger('click')
    await flushPromises()
    expect((wrapper.find('input[name="url"]').element as HTMLInputElement).value).toBe(URL1)
    await wrapper.find('.feed-page__url button').trigger('click')
    await flushPromises()
    expect(copyText).toHaveBeenCalledWith(URL1)
    expect(wrapper.text()).toContain('建立於 2026年4月8日 10:00')
  })

  it('turns the feed off after a confirmation', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const feed = {
      get: vi.fn(async () => ({ url: URL1, createdAt: '2026-04-08T02:00:00.000Z' })),
      revoke: vi.fn(async () => undefined),
    }
    const { wrapper } = await mountWithSuite(FeedPage, { api: fakeCourtApi({ feed }) })
    await wrapper.findAll('.feed-page__actions button')[1]!.trigger('click')
    await flushPromises()
    expect(ElMessageBox.confirm).toHaveBeenCalled()
    expect(feed.revoke).toHaveBeenCalled()
    expect(wrapper.find('input[name="url"]').exists()).toBe(false)
  })

  it('does nothing when the confirmation is dismissed', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel')
    const feed = { get: vi.fn(async () => ({ url: URL1, createdAt: null })), rotate: vi.fn() }
    const { wrapper } = await mountWithSuite(FeedPage, { api: fakeCourtApi({ feed }) })
    await wrapper.findAll('.feed-page__actions button')[0]!.trigger('click')
    await flushPromises()
    expect(feed.rotate).not.toHaveBeenCalled()
  })
})
