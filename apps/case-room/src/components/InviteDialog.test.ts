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
})
