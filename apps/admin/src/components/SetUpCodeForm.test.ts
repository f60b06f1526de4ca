import { mountWithSuite } from '@suite/app-kit/testing'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError, type ApiClient } from '@suite/api-client'
import type { StepUpStatus, TotpEnrolment } from '@suite/domain'
import { useTotpEnrolment } from '../composables/use-totp-enrolment'
import SetUpCodeForm from './SetUpCodeForm.vue'

const notEnrolled: StepUpStatus = {
  totpEnrolled: false,
  totpPending: false,
  recoveryCodesLeft: 0,
  dingtalkAvailable: true,
  elevatedUntil: null,
  method: null,
}
const started: TotpEnrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUri: 'otpauth://totp/Suite:Lee?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  issuer: 'Suite',
  accountName: 'Lee',
  digits: 6,
  period: 30,
  algorithm: 'SHA1',
}
const wrongCode = () =>
  new ApiError({
    status: 400,
    code: 'validation_failed',
    message: 'That set-up code is not right',
    fields: [
      {
        path: 'enrolmentCode',
        code: 'invalid_code',
        message: 'That set-up code is not right, was used before or has expired; ask IT for a new one',
      },
    ],
  })

/** The message under the field (Element Plus shows it after a short debounce). */
async function fieldError(w: VueWrapper): Promise<string> {
  await vi.waitFor(() => expect(w.find('.el-form-item__error').exists()).toBe(true))
  return w.get('.el-form-item__error').text()
}

/** The real composable on a fake API (a plain browser, so no DingTalk confirmation), and the form on it. */
async function setUp(locale: 'zh-HK' | 'zh-CN' | 'en', status: StepUpStatus = notEnrolled) {
  const stepUp = {
    status: vi.fn(async () => status),
    enrolTotp: vi.fn(async (_code?: string): Promise<TotpEnrolment> => started),
    confirmTotp: vi.fn(),
    newRecoveryCodes: vi.fn(),
    confirm: vi.fn(),
    drop: vi.fn(),
  }
  const api = { admin: { stepUp } } as unknown as Pick<ApiClient, 'admin'>
  const totp = useTotpEnrolment({
    api,
    privileged: (c) => c(),
    toQr: async () => 'data:image/png;base64,',
    inDingTalk: false,
  })
  const { wrapper: w } = await mountWithSuite(SetUpCodeForm, { props: { totp }, locale })
  return { totp, stepUp, w }
}

describe('SetUpCodeForm: setting up an authenticator with a one-time code from IT', () => {
  it('says why a code is needed, and starts the enrolment with the code as typed (spaces and lower case tidied)', async () => {
    const { totp, stepUp, w } = await setUp('zh-HK')
    await totp.load()
    expect(totp.needsSetUpCode.value).toBe(true)
    await flushPromises()
    expect(w.text()).toContain('請在手機或電腦的釘釘工作台開啟此應用程式')
    expect(w.get('label').text()).toBe('資訊科技部提供的設定碼')
    await w.get('input#totp-set-up-code').setValue(' abcd-efgh-jkmn ')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(stepUp.enrolTotp).toHaveBeenCalledWith('ABCD-EFGH-JKMN')
    expect(totp.enrolment.value).toEqual(started)
    expect(totp.startedWithSetUpCode.value).toBe(true)
    expect(totp.qr.value).toBe('data:image/png;base64,')
  })

  it.each([
    ['zh-HK', '此設定碼不正確、已使用或已過期。請再核對，或向資訊科技部索取新的設定碼。'],
    ['zh-CN', '此设置码不正确、已使用或已过期。请再核对，或向 IT 部门索取新的设置码。'],
    ['en', 'That set-up code is not right, was used before or has expired. Check it, or ask IT for a new one.'],
  ] as const)(
    'in %s: a code the server refuses shows its field message, and the code typed stays',
    async (locale, text) => {
      const { totp, stepUp, w } = await setUp(locale)
      await totp.load()
      stepUp.enrolTotp.mockRejectedValueOnce(wrongCode())
      await w.get('input#totp-set-up-code').setValue('ABCD-EFGH-JKMP')
      await w.get('form').trigger('submit')
      await flushPromises()
      expect(await fieldError(w)).toBe(text)
      expect((w.get('input#totp-set-up-code').element as HTMLInputElement).value).toBe('ABCD-EFGH-JKMP')
      expect(totp.setUpCodeProblem.value).toBe('invalid')
      // Said beside the field, not again as a general "some fields need changing".
      expect(totp.error.value).toBeNull()
      expect(totp.enrolment.value).toBeNull()
      // Typing again takes the message away.
      await w.get('input#totp-set-up-code').setValue('ABCD-EFGH-JKMN')
      await vi.waitFor(() => expect(w.find('.el-form-item__error').exists()).toBe(false))
    },
  )

  it('refuses something that is not shaped like a code without asking the server (a wrong code counts toward the lockout)', async () => {
    const { totp, stepUp, w } = await setUp('en')
    await totp.load()
    await w.get('input#totp-set-up-code').setValue('123456')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(stepUp.enrolTotp).not.toHaveBeenCalled()
    expect(await fieldError(w)).toBe('A set-up code looks like ABCD-EFGH-JKMN: 12 letters and digits.')
    expect((w.get('input#totp-set-up-code').element as HTMLInputElement).value).toBe('123456')
  })

  it('tells someone without a DingTalk account to ask IT; inside DingTalk with one, no code is needed', async () => {
    const none = await setUp('en', { ...notEnrolled, dingtalkAvailable: false })
    await none.totp.load()
    await flushPromises()
    expect(none.w.text()).toContain('Your account has no DingTalk sign-in: ask IT for a one-time set-up code')

    const stepUp = { status: vi.fn(async () => notEnrolled) }
    const inDingTalk = useTotpEnrolment({
      api: { admin: { stepUp } } as unknown as Pick<ApiClient, 'admin'>,
      privileged: (c) => c(),
      toQr: async () => '',
      inDingTalk: true,
    })
    await inDingTalk.load()
    expect(inDingTalk.needsSetUpCode.value).toBe(false)
  })
})
