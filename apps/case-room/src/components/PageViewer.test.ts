import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import PageViewer from './PageViewer.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('PageViewer', () => {
  it('shows the server-rendered page images one at a time, with no download control', async () => {
    const page = vi.fn(async (_c: string, _d: string, n: number) => new Blob([`jpeg-${n}`], { type: 'image/jpeg' }))
    const beacon = vi.fn(async () => undefined)
    const { wrapper } = await mountWithSuite(PageViewer, {
      api: fakeApi({ caseRoom: { documents: { page, beacon } } }),
      props: { document: { caseId: 'c1', id: 'd1', pageCount: 2, title: 'Draft defence' } },
    })
    const img = wrapper.find('img')
    expect(img.attributes('src')).toMatch(/^blob:/)
    expect(img.attributes('alt')).toBe('Draft defence 第 1 頁')
    expect(img.attributes('draggable')).toBe('false')
    expect(page).toHaveBeenCalledTimes(1)
    expect(wrapper.find('a[download]').exists()).toBe(false)
    expect(wrapper.text()).not.toMatch(/下載|Download/)
    expect(wrapper.text()).toContain('第 1 頁，共 2 頁')
    await wrapper.find('[aria-label="下一頁"]').trigger('click')
    await flushPromises()
    expect(page).toHaveBeenLastCalledWith('c1', 'd1', 2)
    expect(beacon).toHaveBeenCalledWith('c1', 'd1', expect.objectContaining({ page: 1 }))
    expect(wrapper.find('[aria-label="下一頁"]').attributes('disabled')).toBeDefined()
  })

  it('reports the time the last page was on screen when the viewer closes', async () => {
    const beacon = vi.fn(async () => undefined)
    const { wrapper } = await mountWithSuite(PageViewer, {
      api: fakeApi({ caseRoom: { documents: { page: async () => new Blob(['x']), beacon } } }),
      props: { document: { caseId: 'c1', id: 'd1', pageCount: 1, title: 'T' } },
    })
    wrapper.unmount()
    expect(beacon).toHaveBeenCalledWith('c1', 'd1', { page: 1, durationMs: expect.any(Number) })
  })

  it('zooms with the buttons', async () => {
    const { wrapper } = await mountWithSuite(PageViewer, {
      api: fakeApi({ caseRoom: { documents: { page: async () => new Blob(['x']), beacon: async () => undefined } } }),
      props: { document: { caseId: 'c1', id: 'd1', pageCount: 1, title: 'T' } },
    })
    await wrapper.find('[aria-label="放大"]').trigger('click')
    expect(wrapper.find('img').attributes('style')).toContain('width: 125%')
    await wrapper.find('[aria-label="符合寬度"]').trigger('click')
    expect(wrapper.find('img').attributes('style')).toContain('width: 100%')
  })
})
