import { useSessionStore } from '@suite/app-kit'
import { fakeApi, mountWithSuite } from '@suite/app-kit/testing'
import { makeSession } from '@suite/domain/testing'
import { ApiError } from '@suite/api-client'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import InvitePage from './InvitePage.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('InvitePage', () => {
  it('accepting opens the case with the new session', async () => {
    const session = makeSession(undefined, { method: 'invitation' })
    const accept = vi.fn(async () => ({ session, caseId: 'case-hca-1234' }))
    const { wrapper, router } = await mountWithSuite(InvitePage, {
      api: fakeApi({ caseRoom: { invitations: { accept } } }),
      route: '/invite/tok-123',
    })
    expect(wrapper.text()).toContain('每頁均印有你的姓名及時間')
    await wrapper.find('button.el-button--primary').trigger('click')
    await flushPromises()
    expect(accept).toHaveBeenCalledWith('tok-123')
    expect(useSessionStore().session).toEqual(session)
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/cases/case-hca-1234/timeline'))
  })

  it('explains a used or expired link in the reader’s language', async () => {
    const accept = vi
      .fn()
      .mockRejectedValue(
        new ApiError({ status: 409, code: 'conflict', message: 'This invitation link has already been used.' }),
      )
    const { wrapper } = await mountWithSuite(InvitePage, {
      api: fakeApi({ caseRoom: { invitations: { accept } } }),
      route: '/invite/tok-123',
      locale: 'en',
    })
    await wrapper.find('button.el-button--primary').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('This link can no longer be used')
  })

  it('a sign-in link signs an existing member in, with no new account', async () => {
    const session = makeSession(undefined, { method: 'invitation' })
    const redeem = vi.fn(async () => ({ session, caseId: 'case-hca-1234' }))
    const accept = vi.fn()
    const { wrapper, router } = await mountWithSuite(InvitePage, {
      api: fakeApi({ caseRoom: { invitations: { accept }, signInLinks: { redeem } } }),
      route: '/sign-in/tok-456',
    })
    expect(wrapper.find('h1').text()).toBe('登入案件室')
    expect(wrapper.text()).toContain('此瀏覽器會記住你的存取權')
    await wrapper.find('button.el-button--primary').trigger('click')
    await flushPromises()
    expect(redeem).toHaveBeenCalledWith('tok-456')
    expect(accept).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/cases/case-hca-1234/timeline'))
  })

  it('explains a used sign-in link', async () => {
    const redeem = vi.fn().mockRejectedValue(new ApiError({ status: 409, code: 'conflict', message: 'used' }))
    const { wrapper } = await mountWithSuite(InvitePage, {
      api: fakeApi({ caseRoom: { signInLinks: { redeem } } }),
      route: '/sign-in/tok-456',
      locale: 'en',
    })
    await wrapper.find('button.el-button--primary').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('your access has ended or is paused')
  })
})
