import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import type { LowcodeDocumentSummary } from '@suite/domain'
import { describe, expect, it, vi } from 'vitest'
import DocumentsPage from './DocumentsPage.vue'

const doc = (over: Partial<LowcodeDocumentSummary>): LowcodeDocumentSummary => ({
  kind: 'form',
  key: 'support-report',
  title: null,
  runningVersion: 1,
  publishedAt: '2026-01-02T03:04:05.000Z',
  hasDraft: false,
  draftUpdatedAt: null,
  ...over,
})

describe('DocumentsPage', () => {
  it.each([
    ['zh-HK', '回報可疑聯絡', '代號 support-report', '資料分類政策'],
    ['en', 'Report a suspicious contact', 'Key support-report', 'Classification policy'],
  ] as const)(
    'lists documents by their title in %s, the key only as secondary text',
    async (locale, title, key, policy) => {
      const list = vi.fn(async () => [
        doc({ title: { 'zh-HK': '回報可疑聯絡', 'zh-CN': '举报可疑联系', en: 'Report a suspicious contact' } }),
        doc({ kind: 'classification_policy', key: 'default' }),
      ])
      const { wrapper } = await mountWithSuite(DocumentsPage, { api: fakeApi({ lowcode: { list } }), locale })
      const links = wrapper.findAll('.documents__link').map((a) => a.text())
      expect(links).toEqual([title, policy])
      expect(wrapper.find('.documents__key').text()).toBe(key)
      wrapper.unmount()
    },
  )
})
