import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeCaseDetail, makeDocument } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useCaseRoomStore } from '../stores/case-room'
import DocumentList from './DocumentList.vue'
import UploadDialog from './UploadDialog.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const client = makeCaseDetail({ role: 'client', membership: { status: 'active', tierCeiling: 'restricted' } })
const OFFICE = /Word|Excel|PowerPoint/

/** Pick `name` in the dialog's file input. */
async function choose(name: string): Promise<void> {
  const input = document.body.querySelector('.el-dialog input[type="file"]') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.7'], name, { type: 'application/pdf' })] })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}
const dialogButton = (label: string) =>
  [...document.body.querySelectorAll('.el-dialog button')].find((b) => b.textContent?.trim() === label) as
    HTMLButtonElement | undefined
const notifyBox = () => document.body.querySelector('.upload-dialog__notify input') as HTMLInputElement

describe('UploadDialog', () => {
  it('titles the document with the file name unless the uploader types another, and says whether to notify', async () => {
    const { wrapper } = await mountWithSuite(UploadDialog, {
      props: { tier: 'restricted' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    expect(dialogButton('上載')!.disabled).toBe(true)
    await choose('defence-draft-v3.pdf')
    const title = document.body.querySelector('.el-dialog input[aria-label="標題"]') as HTMLInputElement
    expect(title.value).toBe('defence-draft-v3.pdf')
    // Shared with outsiders: they are told unless the uploader says not to.
    expect(notifyBox().checked).toBe(true)
    expect(document.body.textContent).toContain('他們（包括客戶）會收到釘釘新文件通知')
    title.value = 'Defence (draft 3) 答辯書第三稿'
    title.dispatchEvent(new Event('input'))
    notifyBox().click()
    await flushPromises()
    dialogButton('上載')!.click()
    await flushPromises()
    expect(wrapper.emitted('upload')?.[0]?.[0]).toMatchObject({
      title: 'Defence (draft 3) 答辯書第三稿',
      notify: false,
      file: expect.objectContaining({ name: 'defence-draft-v3.pdf' }),
    })
  })

  it('keeps an internal working file quiet unless asked', async () => {
    await mountWithSuite(UploadDialog, {
      props: { tier: 'private' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    expect(notifyBox().checked).toBe(false)
    expect(document.body.textContent).toContain('只會通知此案件的本行成員')
  })

  it('tells only the firm about the Office converter, where it uploads', async () => {
    await mountWithSuite(UploadDialog, {
      props: { tier: 'public' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    expect(document.body.querySelector('.upload-dialog__office')?.textContent).toMatch(OFFICE)
    document.body.innerHTML = ''
    await mountWithSuite(UploadDialog, { props: { tier: 'public' }, before: () => useCaseRoomStore().set(client) })
    expect(document.body.textContent).not.toMatch(OFFICE)
    expect(notifyBox().checked).toBe(true)
    expect(document.body.textContent).toContain('負責此案件的律師會收到通知')
  })
})

describe('DocumentList', () => {
  it('shows no converter notice on the list itself, to anyone', async () => {
    for (const detail of [makeCaseDetail(), client]) {
      const { wrapper } = await mountWithSuite(DocumentList, {
        api: fakeApi({ caseRoom: { documents: { list: async () => ({ items: [], nextCursor: null }) } } }),
        props: { caseId: 'case-hca-1234', tier: 'public' },
        before: () => useCaseRoomStore().set(detail),
      })
      await flushPromises()
      expect(wrapper.text()).toContain('上載')
      expect(wrapper.text()).not.toMatch(OFFICE)
      wrapper.unmount()
    }
  })

  it('uploads with the title and the notify choice from the dialog', async () => {
    const upload = vi.fn(async () => makeDocument({ title: 'Receipt 收據' }))
    const { wrapper } = await mountWithSuite(DocumentList, {
      api: fakeApi({
        caseRoom: { documents: { list: async () => ({ items: [], nextCursor: null }), upload } },
      }),
      props: { caseId: 'case-hca-1234', tier: 'public' },
      before: () => useCaseRoomStore().set(client),
    })
    await flushPromises()
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '上載')!
      .trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('.el-dialog input[type="file"]')).not.toBeNull())
    await choose('receipt.pdf')
    const title = document.body.querySelector('.el-dialog input[aria-label="標題"]') as HTMLInputElement
    title.value = 'Receipt 收據'
    title.dispatchEvent(new Event('input'))
    await flushPromises()
    dialogButton('上載')!.click()
    await flushPromises()
    expect(upload).toHaveBeenCalledWith(
      'case-hca-1234',
      'public',
      expect.objectContaining({ name: 'receipt.pdf' }),
      'receipt.pdf',
      expect.objectContaining({ title: 'Receipt 收據', notify: true }),
    )
  })
})
