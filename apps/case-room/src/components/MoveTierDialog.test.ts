import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeCaseDetail, makeDocumentDetail } from '@suite/domain/testing'
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

describe('MoveTierDialog', () => {
  it('needs a written reason before a document is shown more widely, and sends it', async () => {
    const move = vi.fn(async () => makeDocumentDetail({ tier: 'restricted' }))
    const doc = makeDocumentDetail({ tier: 'private' })
    await mountWithSuite(MoveTierDialog, {
      api: fakeApi({ caseRoom: { documents: { move } } }),
      props: { caseId: 'case-hca-1234', document: doc },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    await flushPromises()
    const radios = [...document.body.querySelectorAll('.move-dialog__tiers input')] as HTMLInputElement[]
    expect(radios).toHaveLength(2)
    radios[1]!.click()
    await flushPromises()
    expect(document.body.textContent).toContain('更多人將可看到此文件')
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

  it('keeps a file without preview internal: only the internal area is offered', async () => {
    const doc = makeDocumentDetail({ tier: 'restricted', render: 'none', internalOnlyReason: 'no converter' })
    await mountWithSuite(MoveTierDialog, {
      api: fakeApi({}),
      props: { caseId: 'c', document: doc },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    await flushPromises()
    const radios = [...document.body.querySelectorAll('.move-dialog__tiers input')] as HTMLInputElement[]
    expect(radios.map((r) => r.disabled)).toEqual([true, false])
  })
})
