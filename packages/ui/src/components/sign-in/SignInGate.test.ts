import type { AuthConfig, Session } from '@suite/domain'
import { makeSession } from '@suite/domain/testing'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mountWithI18n } from '../../testing/mount-with-i18n'
import SignInGate from './SignInGate.vue'
import type { SignInDeps } from './use-sign-in'

const session = makeSession()
const config: AuthConfig = {
  corpId: 'dingdemocorp0001',
  devSignIn: true,
  devUsers: [{ id: 'u-chan', name: '陳大文 Chan Tai-man', role: 'partner', title: null }],
}

function deps(overrides: Partial<SignInDeps['api']['auth']> = {}): SignInDeps {
  return {
    api: {
      auth: {
        config: vi.fn(async () => config),
        session: vi.fn(async () => null),
        signInWithCode: vi.fn(async () => session),
        devSignIn: vi.fn(async () => session),
        signOut: vi.fn(async () => undefined),
        ...overrides,
      },
    },
    dingtalk: { inDingTalk: false, requestAuthCode: vi.fn(async () => 'code') },
  }
}

const slots = { default: (props: { session: Session }) => h('p', { class: 'app' }, `hello ${props.session.user.name}`) }

describe('SignInGate', () => {
  it('shows loading, then the picker, then the app with the session', async () => {
    const { wrapper } = mountWithI18n(SignInGate, { props: { deps: deps() }, slots })
    expect(wrapper.text()).toContain('正在檢查登入狀態…')
    await flushPromises()
    // The picker is its own chunk, loaded when the gate first needs it.
    await vi.waitFor(() => expect(wrapper.find('.suite-dev-picker').exists()).toBe(true))
    await wrapper.find('button[aria-label="以 陳大文 Chan Tai-man 身分登入"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('.app').text()).toBe(`hello ${session.user.name}`)
    expect(wrapper.emitted('signed-in')).toEqual([[session]])
  })

  it('shows a translated, retryable error', async () => {
    const failing = deps({ config: vi.fn(async () => ({ ...config, devSignIn: false })) })
    const { wrapper } = mountWithI18n(SignInGate, { props: { deps: failing }, slots })
    await flushPromises()
    expect(wrapper.text()).toContain('未能登入')
    expect(wrapper.text()).toContain('請從釘釘工作台開啟此應用程式。')
    await wrapper.find('.suite-error-state button').trigger('click')
    await flushPromises()
    expect(failing.api.auth.session).toHaveBeenCalledTimes(2)
  })
})
