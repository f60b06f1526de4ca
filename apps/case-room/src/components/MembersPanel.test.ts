import { ApiError } from '@suite/api-client'
import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeCaseDetail, makeInvitation, makeMember } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useCaseRoomStore } from '../stores/case-room'
import MembersPanel from './MembersPanel.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const members = [
  makeMember('u-chan'),
  makeMember('u-lee'),
  makeMember('u-ho', { status: 'walled', wallReason: 'Acted for the defendant' }),
  makeMember('u-client-tse', { expiresAt: '2026-08-31T16:00:00.000Z' }),
]

describe('MembersPanel', () => {
  it('shows the team, externals with their expiry, walls with reasons and pending links', async () => {
    const { wrapper } = await mountWithSuite(MembersPanel, {
      api: fakeApi({
        caseRoom: { members: { list: async () => members }, invitations: { list: async () => [makeInvitation()] } },
      }),
      props: { caseId: 'case-hca-1234' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    const text = wrapper.text()
    expect(text).toContain('陳大文 Chan Tai-man')
    expect(text).toContain('存取至 2026年8月31日')
    expect(text).toContain('已隔離：Acted for the defendant')
    expect(text).toContain('Choi CPA')
    expect(text).toContain('只限內部')
  })

  it('turning “restrict to internal” off asks for a step-up, then retries', async () => {
    const restrict = vi
      .fn()
      .mockRejectedValueOnce(new ApiError({ status: 403, code: 'step_up_required', message: 'step up' }))
      .mockResolvedValue(makeCaseDetail(undefined, { restrictedToInternal: false }))
    const requestAuthCode = vi.fn(async () => 'fresh-code')
    const confirm = vi.fn(async () => ({}))
    const { wrapper } = await mountWithSuite(MembersPanel, {
      api: fakeApi({
        caseRoom: { restrict, members: { list: async () => members }, invitations: { list: async () => [] } },
        admin: { stepUp: { confirm } },
      }),
      props: { caseId: 'case-hca-1234' },
      deps: {
        dingtalk: { inDingTalk: true, requestAuthCode, complexPicker: vi.fn(), setTitle: vi.fn(async () => undefined) },
      },
      before: () => useCaseRoomStore().set(makeCaseDetail(undefined, { restrictedToInternal: true })),
    })
    await wrapper.find('.el-switch').trigger('click')
    await flushPromises()
    expect(requestAuthCode).toHaveBeenCalledWith('dingdemocorp0001')
    expect(confirm).toHaveBeenCalledWith({ method: 'dingtalk', code: 'fresh-code' })
    expect(restrict).toHaveBeenCalledTimes(2)
    expect(restrict).toHaveBeenLastCalledWith('case-hca-1234', false)
    expect(useCaseRoomStore().detail?.restrictedToInternal).toBe(false)
  })

  it('turning “restrict to internal” on first says who loses access, and does nothing until confirmed', async () => {
    const restrict = vi.fn(async () => makeCaseDetail(undefined, { restrictedToInternal: true }))
    const list = [...members, makeMember('u-expert-fung'), makeMember('u-client-leong', { status: 'expired' })]
    const { wrapper } = await mountWithSuite(MembersPanel, {
      api: fakeApi({
        caseRoom: { restrict, members: { list: async () => list }, invitations: { list: async () => [] } },
      }),
      props: { caseId: 'case-hca-1234' },
      before: () => useCaseRoomStore().set(makeCaseDetail(undefined, { restrictedToInternal: false })),
    })
    // The newest box (a closed one may still be fading out).
    const box = () => [...document.body.querySelectorAll('.el-message-box')].at(-1)
    await wrapper.find('.el-switch').trigger('click')
    await vi.waitFor(() => expect(box()?.textContent).toContain('2 名外部成員會即時失去存取權'))
    expect(box()!.textContent).toContain('謝家輝 Tse Ka-fai')
    expect(box()!.textContent).toContain('Fung')
    // Someone whose access has already ended loses nothing.
    expect(box()!.textContent).not.toMatch(/Leong|梁/)
    ;[...box()!.querySelectorAll('button')].find((b) => b.textContent?.trim() === '取消')!.click()
    await flushPromises()
    expect(restrict).not.toHaveBeenCalled()
    expect(useCaseRoomStore().detail?.restrictedToInternal).toBe(false)

    await wrapper.find('.el-switch').trigger('click')
    await vi.waitFor(() => expect(box()?.textContent).toContain('暫停外部存取'))
    ;[...box()!.querySelectorAll('button')].find((b) => b.textContent?.trim() === '暫停外部存取')!.click()
    await vi.waitFor(() => expect(restrict).toHaveBeenCalledWith('case-hca-1234', true))
    await vi.waitFor(() => expect(useCaseRoomStore().detail?.restrictedToInternal).toBe(true))
  })

  it('an external sees no management controls', async () => {
    const { wrapper } = await mountWithSuite(MembersPanel, {
      api: fakeApi({ caseRoom: { members: { list: async () => [makeMember('u-chan'), makeMember('u-client-tse')] } } }),
      props: { caseId: 'case-hca-1234' },
      before: () =>
        useCaseRoomStore().set(
          makeCaseDetail({ role: 'client', membership: { status: 'active', tierCeiling: 'restricted' } }),
        ),
    })
    expect(wrapper.find('.el-switch').exists()).toBe(false)
    expect(wrapper.text()).not.toMatch(/移除|邀請外部人士|加入本行成員|資訊隔離/)
  })

  it('a partner sends an existing external a new sign-in link, shown once', async () => {
    const signInLink = vi.fn(async () => ({
      userId: 'u-client-tse',
      name: '謝家輝 Tse Ka-fai',
      token: 't'.repeat(43),
      url: 'http://x/apps/case-room/#/sign-in/ttt',
      linkExpiresAt: '2026-03-03T04:00:00.000Z',
    }))
    const { wrapper } = await mountWithSuite(MembersPanel, {
      api: fakeApi({
        caseRoom: { members: { list: async () => members, signInLink }, invitations: { list: async () => [] } },
      }),
      props: { caseId: 'case-hca-1234' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    const button = wrapper.findAll('button').find((b) => b.text() === '新登入連結')
    expect(button).toBeDefined()
    await button!.trigger('click')
    await vi.waitFor(() => expect(document.body.textContent).toContain('謝家輝 Tse Ka-fai 的新登入連結'))
    const create = [...document.body.querySelectorAll('.el-dialog button')].find(
      (b) => b.textContent?.trim() === '建立連結',
    ) as HTMLButtonElement
    create.click()
    await flushPromises()
    expect(signInLink).toHaveBeenCalledWith('case-hca-1234', 'u-client-tse', { linkValidHours: 24 })
    expect((document.getElementById('sign-in-link') as HTMLInputElement).value).toBe(
      'http://x/apps/case-room/#/sign-in/ttt',
    )
  })

  it('“sign out devices” asks first, then ends the external’s saved access', async () => {
    const signOutDevices = vi.fn(async () => ({ credentials: 2, links: 0, sessions: 1 }))
    const { wrapper } = await mountWithSuite(MembersPanel, {
      api: fakeApi({
        caseRoom: { members: { list: async () => members, signOutDevices }, invitations: { list: async () => [] } },
      }),
      props: { caseId: 'case-hca-1234' },
      before: () => useCaseRoomStore().set(makeCaseDetail()),
    })
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '登出所有裝置')!
      .trigger('click')
    await vi.waitFor(() => expect(document.body.textContent).toContain('要將 謝家輝 Tse Ka-fai 從所有裝置登出嗎'))
    ;(document.body.querySelector('.el-message-box .el-button--primary') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(signOutDevices).toHaveBeenCalledWith('case-hca-1234', 'u-client-tse'))
  })
})
