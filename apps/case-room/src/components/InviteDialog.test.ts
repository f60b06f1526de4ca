import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeCaseDetail, makeCaseEvent, makeInvitation } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useCaseRoomStore } from '../stores/case-room'
import InviteDialog from './InviteDialog.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value
  el.dispatchEvent(new Event('input'))
}

describe('InviteDialog', () => {
  it('creates a one-time link bound to a milestone and shows it once, ready to copy', async () => {
    const create = vi.fn(async () => ({
      invitation: makeInvitation({ name: 'Dr Yip' }),
      token: 't'.repeat(43),
      url: 'http://localhost/apps/case-room/#/invite/ttt',
      sentViaDingTalk: false,
      message: '謝先生你好，我是陳黃律師行的陳大文。… http://localhost/apps/case-room/#/invite/ttt … 驗證碼',
    }))
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await mountWithSuite(InviteDialog, {
      api: fakeApi({
        caseRoom: {
          events: { list: async () => [makeCaseEvent(), makeCaseEvent({ id: 'evt-2' as never, kind: 'hearing' })] },
          invitations: { create },
        },
      }),
      props: { caseId: 'case-hca-1234' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    await flushPromises()
    type(document.body.querySelector('.el-dialog input')!, 'Dr Yip')
    type(document.body.querySelector('.invite-dialog__contact input')!, '+852 9123 4567')
    const radios = [...document.body.querySelectorAll('.el-dialog input[type="radio"]')] as HTMLInputElement[]
    radios.find((r) => r.value === 'external_expert')!.click()
    radios.find((r) => r.value === 'milestone')!.click()
    await flushPromises()
    const vm = document.body.querySelector('.el-select')
    expect(vm).not.toBeNull()
    // choose the only open milestone through the select's option list
    ;(document.body.querySelector('.el-select__wrapper') as HTMLElement).click()
    await flushPromises()
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')] as HTMLElement[]
    expect(options.map((o) => o.textContent?.trim())).toEqual(['Expert report served 專家報告已送達'])
    options[0]!.click()
    await flushPromises()
    ;(
      [...document.body.querySelectorAll('.el-dialog__footer button')].find((b) =>
        b.textContent?.includes('建立連結'),
      ) as HTMLButtonElement
    ).click()
    await flushPromises()
    expect(create).toHaveBeenCalledWith(
      'case-hca-1234',
      expect.objectContaining({
        name: 'Dr Yip',
        role: 'external_expert',
        tierCeiling: 'restricted',
        accessExpiry: { kind: 'milestone', milestoneId: 'evt-1' },
        linkValidHours: 72,
        contact: '+852 9123 4567',
        locale: 'zh-HK',
      }),
    )
    expect((document.body.querySelector('#invite-link') as HTMLInputElement).value).toBe(
      'http://localhost/apps/case-room/#/invite/ttt',
    )
    expect(document.body.textContent).toContain('只會顯示這一次')
    ;(
      [...document.body.querySelectorAll('button')].find((b) =>
        b.textContent?.includes('複製連結'),
      ) as HTMLButtonElement
    ).click()
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('http://localhost/apps/case-room/#/invite/ttt')
  })

  it('asks for the invitee’s phone or e-mail and refuses anything else', async () => {
    const create = vi.fn()
    await mountWithSuite(InviteDialog, {
      api: fakeApi({ caseRoom: { events: { list: async () => [] }, invitations: { create } } }),
      props: { caseId: 'case-hca-1234' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    await flushPromises()
    type(document.body.querySelector('.el-dialog input')!, 'Dr Yip')
    const createButton = () =>
      [...document.body.querySelectorAll('.el-dialog__footer button')].find((b) =>
        b.textContent?.includes('建立連結'),
      ) as HTMLButtonElement
    expect(createButton().disabled).toBe(true)
    const contact = document.body.querySelector('.invite-dialog__contact input') as HTMLInputElement
    type(contact, '12345')
    await flushPromises()
    expect(document.body.textContent).toContain('請輸入香港、澳門或內地手機號碼')
    type(contact, 'yip@example.com')
    await flushPromises()
    expect(document.body.textContent).not.toContain('請輸入香港、澳門或內地手機號碼')
    expect(document.body.textContent).toContain('一次性驗證碼')
  })

  it('gives a ready message naming the firm, the lawyer and the matter, and says when DingTalk delivered it', async () => {
    const message = '謝先生你好，我是陳黃律師行的陳大文。我邀請你透過以下連結查閱案件 HCA 1234/2026 的文件。'
    const create = vi.fn(async () => ({
      invitation: makeInvitation({ name: '謝先生' }),
      token: 't'.repeat(43),
      url: 'http://localhost/apps/case-room/#/invite/ttt',
      sentViaDingTalk: true,
      message,
    }))
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await mountWithSuite(InviteDialog, {
      api: fakeApi({ caseRoom: { events: { list: async () => [] }, invitations: { create } } }),
      props: { caseId: 'case-hca-1234' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    await flushPromises()
    type(document.body.querySelector('.el-dialog input')!, '謝先生')
    type(document.body.querySelector('.invite-dialog__contact input')!, '9123 4567')
    const radios = [...document.body.querySelectorAll('.el-dialog input[type="radio"]')] as HTMLInputElement[]
    radios.find((r) => r.value === 'en')!.click()
    await flushPromises()
    const date = document.body.querySelector('.el-date-editor input') as HTMLInputElement
    type(date, '2099-12-31')
    date.dispatchEvent(new Event('change'))
    await flushPromises()
    ;(
      [...document.body.querySelectorAll('.el-dialog__footer button')].find((b) =>
        b.textContent?.includes('建立連結'),
      ) as HTMLButtonElement
    ).click()
    await flushPromises()
    expect(create).toHaveBeenCalledWith(
      'case-hca-1234',
      expect.objectContaining({
        contact: '9123 4567',
        locale: 'en',
        accessExpiry: { kind: 'date', date: '2099-12-31' },
      }),
    )
    expect(document.body.textContent).toContain('已透過釘釘工作通知把邀請發送給 謝先生')
    expect((document.body.querySelector('#invite-message') as HTMLTextAreaElement).value).toBe(message)
    ;(
      [...document.body.querySelectorAll('button')].find((b) =>
        b.textContent?.includes('複製訊息'),
      ) as HTMLButtonElement
    ).click()
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith(message)
  })
})
