import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeIntersectionObserver } from '../testing/fake-intersection-observer'
import PageViewer from './PageViewer.vue'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const pageOf = (n: number) => document.body.querySelector(`[data-page="${n}"]`)!

function viewerApi() {
  const page = vi.fn(async (_c: string, _d: string, n: number) => new Blob([`jpeg-${n}`], { type: 'image/jpeg' }))
  const beacon = vi.fn(async () => undefined)
  return { page, beacon, api: fakeApi({ caseRoom: { documents: { page, beacon } } }) }
}

describe('PageViewer', () => {
  it('scrolls through every page, fetching a page only when it comes into view, with no download control', async () => {
    const io = fakeIntersectionObserver()
    const { page, api } = viewerApi()
    const { wrapper } = await mountWithSuite(PageViewer, {
      api,
      props: { document: { caseId: 'c1', id: 'd1', pageCount: 40, title: 'Draft defence' } },
    })
    // One place for each of the 40 pages, all watched; none fetched before it is seen.
    expect(wrapper.findAll('[data-page]')).toHaveLength(40)
    expect(io.observed()).toHaveLength(40)
    expect(page).not.toHaveBeenCalled()

    io.show(pageOf(1), 1)
    await flushPromises()
    expect(page).toHaveBeenCalledTimes(1)
    expect(page).toHaveBeenLastCalledWith('c1', 'd1', 1)
    const img = wrapper.find('[data-page="1"] img')
    expect(img.attributes('src')).toMatch(/^blob:/)
    expect(img.attributes('alt')).toBe('Draft defence 第 1 頁')
    expect(img.attributes('draggable')).toBe('false')
    expect(wrapper.text()).toContain('第 1 頁，共 40 頁')

    // Scrolling down: page 2 comes in and fills most of the view; page 1 is still partly there.
    io.show(pageOf(2), 0.75)
    io.show(pageOf(1), 0.25)
    await flushPromises()
    expect(page).toHaveBeenCalledTimes(2)
    expect(page).toHaveBeenLastCalledWith('c1', 'd1', 2)
    expect(wrapper.find('[data-page="2"] img').exists()).toBe(true)
    expect(wrapper.find('[data-page="3"] img').exists()).toBe(false)
    expect(wrapper.text()).toContain('第 2 頁，共 40 頁')
    expect(wrapper.emitted('page')?.at(-1)).toEqual([2])

    expect(wrapper.find('a[download]').exists()).toBe(false)
    expect(wrapper.text()).not.toMatch(/下載|Download/)
  })

  it('logs each page’s time on screen when it leaves the view, and a new view when it comes back', async () => {
    const io = fakeIntersectionObserver()
    const { page, beacon, api } = viewerApi()
    const { wrapper } = await mountWithSuite(PageViewer, {
      api,
      props: { document: { caseId: 'c1', id: 'd1', pageCount: 3, title: 'T' } },
    })
    io.show(pageOf(1), 1)
    await flushPromises()
    expect(beacon).not.toHaveBeenCalled()
    io.show(pageOf(2), 1)
    io.show(pageOf(1), 0)
    await flushPromises()
    expect(beacon).toHaveBeenCalledTimes(1)
    expect(beacon).toHaveBeenCalledWith('c1', 'd1', { page: 1, durationMs: expect.any(Number) })
    // Back to page 1: the server records a second view of it (a freshly watermarked image).
    io.show(pageOf(1), 1)
    await flushPromises()
    expect(page.mock.calls.filter((c) => c[2] === 1)).toHaveLength(2)
    // Closing the viewer reports the pages still on screen.
    wrapper.unmount()
    expect(beacon).toHaveBeenCalledWith('c1', 'd1', { page: 2, durationMs: expect.any(Number) })
    const pagesReported = (beacon.mock.calls as unknown as [string, string, { page: number }][]).map((c) => c[2].page)
    expect(pagesReported.sort()).toEqual([1, 1, 2])
  })

  it('starts afresh on another document of the same length', async () => {
    const io = fakeIntersectionObserver()
    const { page, api } = viewerApi()
    const { wrapper } = await mountWithSuite(PageViewer, {
      api,
      props: { document: { caseId: 'c1', id: 'd1', pageCount: 2, title: 'One' } },
    })
    io.show(pageOf(1), 1)
    await flushPromises()
    await wrapper.setProps({ document: { caseId: 'c1', id: 'd2', pageCount: 2, title: 'Two' } })
    await flushPromises()
    expect(wrapper.find('img').exists()).toBe(false)
    io.show(pageOf(1), 1)
    await flushPromises()
    expect(page).toHaveBeenLastCalledWith('c1', 'd2', 1)
    expect(wrapper.find('img').attributes('alt')).toBe('Two 第 1 頁')
  })

  it('zooms with the buttons', async () => {
    fakeIntersectionObserver()
    const { api } = viewerApi()
    const { wrapper } = await mountWithSuite(PageViewer, {
      api,
      props: { document: { caseId: 'c1', id: 'd1', pageCount: 1, title: 'T' } },
    })
    await wrapper.find('[aria-label="放大"]').trigger('click')
    expect(wrapper.find('[data-page="1"]').attributes('style')).toContain('width: 125%')
    await wrapper.find('[aria-label="符合寬度"]').trigger('click')
    expect(wrapper.find('[data-page="1"]').attributes('style')).toContain('width: 100%')
  })

  it('tells a touch screen to pinch and a PC to use the buttons or ctrl + wheel', async () => {
    fakeIntersectionObserver()
    const { api } = viewerApi()
    const props = { document: { caseId: 'c1', id: 'd1', pageCount: 1, title: 'T' } }
    for (const [coarse, hint, not] of [
      [true, '雙指縮放', 'Ctrl'],
      [false, '按住 Ctrl 鍵轉動滑鼠滾輪', '雙指'],
    ] as const) {
      vi.stubGlobal('matchMedia', (q: string) => ({ matches: q === '(pointer: coarse)' && coarse, media: q }))
      const { wrapper } = await mountWithSuite(PageViewer, { api, props })
      expect(wrapper.find('.page-viewer__hint').text()).toContain(hint)
      expect(wrapper.find('.page-viewer__hint').text()).not.toContain(not)
      wrapper.unmount()
    }
  })
})
