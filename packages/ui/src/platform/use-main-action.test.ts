import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { fakeDingTalk } from '../testing/fake-dingtalk'
import { mountWithI18n } from '../testing/mount-with-i18n'
import { SUITE_DINGTALK } from './platform'
import { useMainAction } from './use-main-action'

function page(onClick: () => void, enabled = ref(true)) {
  return defineComponent({
    setup() {
      const { inNavBar } = useMainAction(() => (enabled.value ? { text: '新增案件', onClick } : null))
      return () => (inNavBar.value ? h('p', 'in bar') : h('button', { class: 'own' }, '新增案件'))
    },
  })
}

describe('useMainAction', () => {
  it("on a phone in DingTalk puts the action in DingTalk's navigation bar, runs it on tap, and removes it with the page", async () => {
    const { dingtalk, calls, listeners } = fakeDingTalk('android')
    const onClick = vi.fn()
    const { wrapper } = mountWithI18n(page(onClick), { provide: { [SUITE_DINGTALK]: dingtalk } })
    await flushPromises()
    expect(calls).toContainEqual({
      api: 'setRight',
      params: expect.objectContaining({ show: true, control: true, text: '新增案件' }),
    })
    expect(wrapper.find('button.own').exists()).toBe(false)
    listeners.setRight?.()
    expect(onClick).toHaveBeenCalledOnce()
    wrapper.unmount()
    await flushPromises()
    expect(calls.at(-1)).toEqual({ api: 'setRight', params: { show: false, control: false, text: '' } })
  })

  it('hides the bar button when the page has no action right now', async () => {
    const { dingtalk, calls } = fakeDingTalk('ios')
    const enabled = ref(true)
    const { wrapper } = mountWithI18n(
      page(() => undefined, enabled),
      { provide: { [SUITE_DINGTALK]: dingtalk } },
    )
    await flushPromises()
    enabled.value = false
    await flushPromises()
    expect(calls.at(-1)?.params).toMatchObject({ show: false })
    expect(wrapper.find('button.own').exists()).toBe(true)
  })

  it('on PC and in a browser leaves the page its own button and calls nothing', async () => {
    for (const env of ['pc', 'browser'] as const) {
      const { dingtalk, calls } = fakeDingTalk(env)
      const { wrapper } = mountWithI18n(
        page(() => undefined),
        { provide: { [SUITE_DINGTALK]: dingtalk } },
      )
      await flushPromises()
      expect(wrapper.find('button.own').exists()).toBe(true)
      expect(calls).toEqual([])
    }
  })
})
