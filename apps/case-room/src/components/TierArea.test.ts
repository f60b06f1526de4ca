import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeCaseDetail } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { useCaseRoomStore } from '../stores/case-room'
import TierArea from './TierArea.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const api = () => fakeApi({ caseRoom: { documents: { list: async () => ({ items: [], nextCursor: null }) } } })
const banner = async (detail: ReturnType<typeof makeCaseDetail>, tier: 'public' | 'restricted', locale = 'zh-HK') => {
  const { wrapper } = await mountWithSuite(TierArea, {
    api: api(),
    props: { caseId: 'case-hca-1234', tier },
    locale: locale as 'zh-HK',
    before: () => useCaseRoomStore().set(detail),
  })
  await flushPromises()
  const text = wrapper.find('.el-alert').text()
  wrapper.unmount()
  return text
}

const client = makeCaseDetail({ role: 'client', membership: { status: 'active', tierCeiling: 'restricted' } })

describe('TierArea', () => {
  it('speaks to a client or expert as “you”, never about “external members” or “the client”', async () => {
    const drafts = await banner(client, 'restricted')
    expect(drafts).toContain('你可以檢視及留言，但不能下載或列印')
    expect(drafts).not.toMatch(/外部成員|客戶/)
    const shared = await banner(client, 'public')
    expect(shared).toContain('你可以查看及下載')
    expect(shared).not.toContain('包括客戶')
    expect(await banner(client, 'restricted', 'en')).toMatch(/^Drafts for you to review: you can view/)
  })

  it('tells the firm who else can see the area', async () => {
    expect(await banner(makeCaseDetail(), 'restricted')).toContain('外部成員只可檢視及留言')
    expect(await banner(makeCaseDetail(), 'public')).toContain('包括客戶')
  })
})
