import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { h, ref } from 'vue'
import { SUITE_DINGTALK, SUITE_SESSION_METHOD } from '../../platform/platform'
import { fakeDingTalk } from '../../testing/fake-dingtalk'
import { mountWithI18n } from '../../testing/mount-with-i18n'
import AppShell from './AppShell.vue'

const user = { name: '李嘉欣 Lee Ka-yan', role: 'associate' }
const slots = { default: () => h('p', 'page'), actions: () => h('button', { class: 'app-action' }, '篩選') }

function mountIn(env: 'ios' | 'pc' | 'browser', method: 'dingtalk' | 'dev' | 'invitation' = 'dingtalk') {
  const fake = fakeDingTalk(env)
  const { wrapper } = mountWithI18n(AppShell, {
    props: { title: '案件室', showBack: true, user },
    slots,
    provide: { [SUITE_DINGTALK]: fake.dingtalk, [SUITE_SESSION_METHOD]: ref(method) },
  })
  return { wrapper, ...fake }
}

describe('AppShell inside the DingTalk client', () => {
  it('has no header bar of its own: the title goes to DingTalk with setTitle', async () => {
    for (const env of ['ios', 'pc'] as const) {
      const { wrapper, calls } = mountIn(env)
      await flushPromises()
      expect(wrapper.find('header').exists()).toBe(false)
      expect(wrapper.find('h1').exists()).toBe(false)
      expect(calls).toContainEqual({ api: 'setTitle', params: { title: '案件室' } })
      // The page's own header actions and the language switch stay reachable at the foot of the page.
      expect(wrapper.find('footer .app-action').exists()).toBe(true)
      expect(wrapper.find('footer').text()).toContain('繁')
      expect(wrapper.find('main').text()).toBe('page')
    }
  })

  it('offers no sign-out that DingTalk would undo; someone signed in otherwise may switch to their DingTalk account', async () => {
    const signedInByDingTalk = mountIn('ios', 'dingtalk').wrapper
    expect(signedInByDingTalk.text()).not.toContain('登出')
    expect(signedInByDingTalk.text()).not.toContain('改用我的釘釘帳戶')

    const demo = mountIn('ios', 'dev').wrapper
    const button = demo.findAll('footer button').find((b) => b.text() === '改用我的釘釘帳戶')
    expect(button).toBeDefined()
    await button!.trigger('click')
    expect(demo.emitted('sign-out')).toHaveLength(1)
  })

  it('keeps its header and sign-out in a browser', () => {
    const { wrapper, calls } = mountIn('browser')
    expect(wrapper.find('header h1').text()).toBe('案件室')
    expect(wrapper.find('button[aria-label="登出"]').exists()).toBe(true)
    expect(wrapper.find('footer').exists()).toBe(false)
    expect(calls).toEqual([])
  })
})
