import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeCaseDetail, makeDocumentDetail, makeMember } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useCaseRoomStore } from '../stores/case-room'
import MoveTierDialog from './MoveTierDialog.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const submitButton = () =>
  [...document.body.querySelectorAll('.el-dialog__footer button')].find((b) =>
    b.textContent?.includes('移動'),
  ) as HTMLButtonElement
const radios = () => [...document.body.querySelectorAll('.move-dialog__tiers input')] as HTMLInputElement[]
const labels = () => [...document.body.querySelectorAll('.move-dialog__tiers .el-radio')].map((r) => r.textContent)
const pick = async (label: string) => {
  const i = labels().findIndex((l) => l === label)
  radios()[i]!.click()
  await flushPromises()
}

/** The firm's team, a client and an expert who may read drafts, and a client suspended from the case. */
const members = [
  makeMember('u-chan'),
  makeMember('u-lee'),
  makeMember('u-client-tse'),
  makeMember('u-expert-fung'),
  makeMember('u-client-leong', { status: 'suspended', tierCeiling: 'public' }),
]

async function open(tier: 'public' | 'restricted' | 'private', move = vi.fn()) {
  const doc = makeDocumentDetail({ tier })
  await mountWithSuite(MoveTierDialog, {
    api: fakeApi({ caseRoom: { documents: { move }, members: { list: async () => members } } }),
    props: { caseId: 'case-hca-1234', document: doc },
    before: () => useCaseRoomStore().set(makeCaseDetail()),
  })
  await flushPromises()
  return { doc, move }
}

describe('MoveTierDialog', () => {
  it('opens on where the document is now: nothing is chosen for the mover', async () => {
    await open('private')
    expect(labels()).toEqual(['共享區', '審閱草稿', '內部區（目前位置）'])
    expect(radios().map((r) => r.checked)).toEqual([false, false, true])
    expect(submitButton().disabled).toBe(true)
    expect(document.body.querySelector('.move-dialog__gains')).toBeNull()
  })

  it('names who gains access when a move widens it, needs a written reason, and sends it', async () => {
    const move = vi.fn(async () => makeDocumentDetail({ tier: 'restricted' }))
    const { doc } = await open('private', move)
    await pick('審閱草稿')
    const warning = document.body.querySelector('.move-dialog__gains')!.textContent
    expect(warning).toContain('另外 2 人將可看到此文件')
    expect(warning).toContain('謝家輝 Tse Ka-fai')
    expect(warning).toContain('Fung')
    // The firm could see it already; a suspended client sees nothing while suspended.
    expect(warning).not.toContain('陳大文')
    expect(warning).not.toMatch(/Leong|梁/)
    expect(submitButton().disabled).toBe(true)
    const reason = document.body.querySelector('textarea')!
    reason.value = 'short'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(submitButton().disabled).toBe(true)
    reason.value = 'The client must approve paragraph 12'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    submitButton().click()
    await flushPromises()
    expect(move).toHaveBeenCalledWith('case-hca-1234', doc.id, {
      toTier: 'restricted',
      reason: 'The client must approve paragraph 12',
    })
  })

  it('gives no “more people” warning when nobody new can see it', async () => {
    await open('restricted')
    await pick('內部區')
    expect(document.body.querySelector('.move-dialog__gains')).toBeNull()
    expect(submitButton().disabled).toBe(false)
    // Drafts to Shared: the same people see it, but the outsiders may now download the file, and that is said.
    await pick('共享區')
    expect(document.body.querySelector('.move-dialog__gains')).toBeNull()
    expect(document.body.textContent).toContain('在共享區，外部成員亦可下載原檔。')
  })

  it('keeps a file without preview internal: only the internal area is offered', async () => {
    const doc = makeDocumentDetail({ tier: 'restricted', render: 'none', internalOnlyReason: 'no converter' })
    await mountWithSuite(MoveTierDialog, {
      api: fakeApi({ caseRoom: { members: { list: async () => members } } }),
      props: { caseId: 'c', document: doc },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    await flushPromises()
    expect(labels()).toEqual(['共享區', '審閱草稿（目前位置）', '內部區'])
    expect(radios().map((r) => r.disabled)).toEqual([true, false, false])
  })
})
