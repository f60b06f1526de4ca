import { describe, expect, it } from 'vitest'
import { mountWithI18n } from '../../testing/mount-with-i18n'
import ErrorState from './ErrorState.vue'

/** Shaped like @suite/api-client's ApiError. */
function apiError(code: string, requestId: string | null, status = 403, fields: { path: string; code: string }[] = []) {
  return Object.assign(new Error('Forbidden by policy'), { status, code, fields, requestId })
}

describe('ErrorState', () => {
  it('shows the translated message for the error code and the request id', () => {
    const { wrapper } = mountWithI18n(ErrorState, { props: { error: apiError('forbidden', 'req-7f3a') } })
    expect(wrapper.text()).toContain('你沒有權限進行此操作。')
    expect(wrapper.text()).not.toContain('Forbidden by policy')
    expect(wrapper.find('.suite-error-state__request-id').text()).toBe('請求編號：req-7f3a')
    expect(wrapper.text()).toContain('聯絡資訊科技部時請提供此編號。')
  })

  it('translates in the current locale', () => {
    const { wrapper } = mountWithI18n(ErrorState, { props: { error: apiError('session_expired', 'r1') }, locale: 'en' })
    expect(wrapper.text()).toContain('Your session has expired. Please sign in again.')
    expect(wrapper.text()).toContain('Request ID: r1')
  })

  it('falls back to a generic message for unknown codes and plain errors', () => {
    const unknown = mountWithI18n(ErrorState, { props: { error: apiError('brand_new_code', null) } }).wrapper
    expect(unknown.text()).toContain('發生錯誤，請再試一次。')
    expect(unknown.find('.suite-error-state__request-id').exists()).toBe(false)
    const plain = mountWithI18n(ErrorState, { props: { error: new TypeError('x is undefined') } }).wrapper
    expect(plain.text()).toContain('發生錯誤，請再試一次。')
    expect(plain.text()).not.toContain('x is undefined')
  })

  it('translates DingTalk adapter errors by code', () => {
    const { wrapper } = mountWithI18n(ErrorState, {
      props: { error: Object.assign(new Error('t'), { name: 'DingTalkError', code: 'not_in_dingtalk' }) },
    })
    expect(wrapper.text()).toContain('此功能只可在釘釘應用程式內使用。')
  })

  it('emits retry from the Retry button, which can be hidden', async () => {
    const { wrapper } = mountWithI18n(ErrorState, { props: { error: apiError('internal', 'r2') } })
    const button = wrapper.find('button')
    expect(button.text()).toBe('重試')
    await button.trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
    await wrapper.setProps({ retryable: false })
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('is announced as an alert with an overridable title', () => {
    const { wrapper } = mountWithI18n(ErrorState, { props: { error: null, title: '未能載入案件' } })
    expect(wrapper.attributes('role')).toBe('alert')
    expect(wrapper.text()).toContain('未能載入案件')
  })

  it('a lost connection keeps its own heading and message, never the page\'s "does not exist"', async () => {
    const { wrapper } = mountWithI18n(ErrorState, {
      props: { error: apiError('network_error', null, 0), title: '此案件不存在，或你沒有存取權限。' },
    })
    expect(wrapper.text()).toContain('未能連線')
    expect(wrapper.text()).toContain('無法連接伺服器，請檢查網絡後再試。')
    expect(wrapper.text()).not.toContain('不存在')
    expect(wrapper.find('button').text()).toBe('重試')
    // A real 404 shows the page's own heading.
    await wrapper.setProps({ error: apiError('not_found', null, 404) })
    expect(wrapper.text()).toContain('此案件不存在，或你沒有存取權限。')
  })

  it('a step-up refused for want of an authenticator links to setting one up', () => {
    const error = apiError('conflict', 'r3', 409, [{ path: 'method', code: 'totp_not_enrolled' }])
    const { wrapper } = mountWithI18n(ErrorState, { props: { error } })
    expect(wrapper.text()).toContain('尚未設定驗證器')
    expect(wrapper.text()).not.toContain('其他人修改')
    const link = wrapper.find('a.suite-error-state__action')
    expect(link.text()).toBe('設定驗證器')
    expect(link.attributes('href')).toBe('/apps/admin/#/security')
  })

  it('an ended session offers to sign in again, in English too', () => {
    const { wrapper } = mountWithI18n(ErrorState, {
      props: { error: apiError('session_expired', null, 401) },
      locale: 'en',
    })
    expect(wrapper.text()).toContain('Please sign in again')
    expect(wrapper.find('button').text()).toBe('Sign in again')
  })
})
