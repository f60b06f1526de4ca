import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { demoUser, makeCaseDetail, makeComment, makeDocumentDetail, makeSession, makeUser } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeIntersectionObserver } from '../testing/fake-intersection-observer'
import DocumentPage from './DocumentPage.vue'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

function api(detail: ReturnType<typeof makeDocumentDetail>, caseDetail = makeCaseDetail()) {
  return fakeApi({
    caseRoom: {
      get: async () => caseDetail,
      documents: {
        get: async () => detail,
        page: async () => new Blob(['jpeg']),
        beacon: async () => undefined,
        originalUrl: (c: string, d: string) => `/api/cases/${c}/documents/${d}/original`,
        views: async () => ({ items: [], viewers: [] }),
      },
      comments: { list: async () => [makeComment()], create: vi.fn() },
    },
  })
}

describe('DocumentPage', () => {
  it('an external reviewer of a draft gets the watermarked viewer and comments, never a download or edit control', async () => {
    const client = {
      role: 'client' as const,
      membership: { status: 'active' as const, tierCeiling: 'restricted' as const },
    }
    const io = fakeIntersectionObserver()
    const { wrapper } = await mountWithSuite(DocumentPage, {
      api: api(makeDocumentDetail({ actions: ['list', 'view', 'comment'] }), makeCaseDetail(client)),
      session: makeSession(makeUser(demoUser('u-client-tse'))),
      route: '/cases/case-hca-1234/documents/doc-1',
    })
    io.show(document.body.querySelector('[data-page="1"]')!, 1)
    await flushPromises()
    expect(wrapper.find('img.page-viewer__image').exists()).toBe(true)
    expect(wrapper.find('a[download]').exists()).toBe(false)
    for (const label of ['下載原檔', '移至其他區域', '重新命名', '刪除']) expect(wrapper.text()).not.toContain(label)
    expect(wrapper.text()).toContain('僅供檢視')
    expect(wrapper.text()).toContain('Para 12 overstates the loss.')
    expect(wrapper.text()).toContain('檢視紀錄')
  })

  it('a partner may download the original, move, rename and delete', async () => {
    const { wrapper } = await mountWithSuite(DocumentPage, {
      api: api(
        makeDocumentDetail({
          tier: 'private',
          actions: ['list', 'view', 'download', 'upload', 'comment', 'edit', 'delete', 'move', 'invite', 'revoke'],
        }),
      ),
      route: '/cases/case-hca-1234/documents/doc-1',
    })
    expect(wrapper.find('a[download]').attributes('href')).toBe('/api/cases/case-hca-1234/documents/doc-1/original')
    for (const label of ['移至其他區域', '重新命名', '刪除']) expect(wrapper.text()).toContain(label)
  })

  it('an expert does not get the view log tab', async () => {
    const expert = {
      role: 'external_expert' as const,
      membership: { status: 'active' as const, tierCeiling: 'restricted' as const },
    }
    const { wrapper } = await mountWithSuite(DocumentPage, {
      api: api(makeDocumentDetail(), makeCaseDetail(expert)),
      session: makeSession(makeUser(demoUser('u-expert-fung'))),
      route: '/cases/case-hca-1234/documents/doc-1',
    })
    expect(wrapper.text()).not.toContain('檢視紀錄')
  })

  it('a document the server hides reads “not found”, with the way back to the case instead of a retry', async () => {
    const hidden = fakeApi({
      caseRoom: {
        get: async () => makeCaseDetail(),
        documents: { get: vi.fn().mockRejectedValue({ code: 'not_found', status: 404 }) },
      },
    })
    const { wrapper, router } = await mountWithSuite(DocumentPage, {
      api: hidden,
      route: '/cases/case-hca-1234/documents/doc-x',
      locale: 'en',
    })
    expect(wrapper.text()).toContain('This document does not exist or you do not have access to it.')
    expect(wrapper.find('.suite-error-state__retry').exists()).toBe(false)
    await wrapper.find('.document-page__gone .el-button').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/cases/case-hca-1234/timeline'))
  })
})
