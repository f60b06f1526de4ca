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
  const preview = async () => ({
    firmName: '陳黃律師行 Chan & Wong Solicitors',
    inviterName: '陳大文 Chan Tai-man',
    caseNumber: 'HCA 1234/2026',
    caseTitle: '謝家輝 訴 東方貿易有限公司',
  })
  const sendCode = async () => ({
    channel: 'sms' as const,
    sentTo: '+852 •••• 4567',
    expiresAt: '2026-12-02T03:10:00.000Z',
  })
  const button = (wrapper: { findAll: (s: string) => { text: () => string }[] }, text: string) =>
    wrapper.findAll('button').find((b) => b.text().includes(text)) as unknown as {
      trigger: (e: string) => Promise<void>
    }

  it('names the firm, the inviter and the matter first; accepts only with the code sent to the invitee', async () => {
    const session = makeSession(undefined, { method: 'invitation' })
    const accept = vi.fn(async () => ({ session, caseId: 'case-hca-1234' }))
    const send = vi.fn(sendCode)
    const { wrapper, router } = await mountWithSuite(InvitePage, {
      api: fakeApi({ caseRoom: { invitations: { preview, sendCode: send, accept } } }),
      route: '/invite/tok-123',
    })
    await flushPromises()
    expect(wrapper.find('h1').text()).toBe('陳黃律師行 Chan & Wong Solicitors 邀請你查閱案件文件')
    const facts = wrapper.find('dl').text()
    expect(facts).toContain('陳大文 Chan Tai-man')
    expect(facts).toContain('HCA 1234/2026')
    expect(facts).toContain('謝家輝 訴 東方貿易有限公司')
    expect(wrapper.text()).toContain('每頁均印有你的姓名及時間')
    expect(wrapper.find('#invitation-code').exists()).toBe(false)
    await button(wrapper, '發送驗證碼').trigger('click')
    await flushPromises()
    expect(send).toHaveBeenCalledWith('tok-123')
    expect(wrapper.text()).toContain('驗證碼已透過手機短訊發送至 +852 •••• 4567，有效至')
    expect(wrapper.text()).toContain('（香港時間）')
    await wrapper.find('#invitation-code').setValue('123456')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(accept).toHaveBeenCalledWith('tok-123', '123456')
    expect(useSessionStore().session).toEqual(session)
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/cases/case-hca-1234/timeline'), {
      timeout: 5000,
    })
  })

  it('says a wrong or expired code is wrong in the reader’s language, and keeps the page', async () => {
    const accept = vi
      .fn()
      .mockRejectedValueOnce(
        new ApiError({
          status: 400,
          code: 'validation_failed',
          message: 'This code is not right.',
          fields: [{ path: 'code', code: 'wrong', message: 'This code is not right.' }],
        }),
      )
      .mockRejectedValueOnce(
        new ApiError({
          status: 400,
          code: 'validation_failed',
          message: 'expired',
          fields: [{ path: 'code', code: 'expired', message: 'expired' }],
        }),
      )
    const { wrapper } = await mountWithSuite(InvitePage, {
      api: fakeApi({ caseRoom: { invitations: { preview, sendCode, accept } } }),
      route: '/invite/tok-123',
    })
    await flushPromises()
    await button(wrapper, '發送驗證碼').trigger('click')
    await flushPromises()
    await wrapper.find('#invitation-code').setValue('000000')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.el-alert--error').text()).toContain('驗證碼不正確，請核對後再試。')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.el-alert--error').text()).toContain('驗證碼已過期，請重新發送。')
    expect(wrapper.find('h1').text()).toContain('陳黃律師行')
  })

  it('shows nothing of the case for a used, expired or unknown link, in the reader’s language', async () => {
    const refused = vi
      .fn()
      .mockRejectedValue(new ApiError({ status: 404, code: 'not_found', message: 'This invitation link is not valid' }))
    const sendCode = vi.fn()
    const { wrapper } = await mountWithSuite(InvitePage, {
      api: fakeApi({ caseRoom: { invitations: { preview: refused, sendCode } } }),
      route: '/invite/tok-123',
      locale: 'en',
    })
    await flushPromises()
    expect(wrapper.text()).toContain('This invitation link is not valid, has expired or was already used')
    expect(wrapper.find('dl').exists()).toBe(false)
    expect(wrapper.findAll('button').some((b) => b.text().includes('Send me a code'))).toBe(false)
    expect(sendCode).not.toHaveBeenCalled()
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
