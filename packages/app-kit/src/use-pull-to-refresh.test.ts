import { SUITE_DINGTALK } from '@suite/ui'
import { createDingTalk, type DingTalk, type NativeApis } from '@suite/dingtalk'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { usePullToRefresh } from './use-pull-to-refresh'

/** The real adapter on `env` over fake native APIs that record calls and keep the pull listener. */
function fake(env: 'ios' | 'android' | 'pc' | 'browser') {
  const calls: string[] = []
  let pull: (() => void) | undefined
  const dingtalk = createDingTalk({
    env,
    loadApi: async (name) =>
      (async (params: { onSuccess?: () => void } = {}) => {
        calls.push(name)
        if (name === 'pullToRefreshEnable') pull = params.onSuccess
        return {}
      }) as unknown as NativeApis[typeof name],
  })
  return { dingtalk, calls, pull: () => pull?.() }
}

function listPage(dingtalk: DingTalk, reload: () => Promise<void>) {
  const Page = defineComponent({
    setup() {
      usePullToRefresh(reload)
      return () => null
    },
  })
  return mount(Page, { global: { provide: { [SUITE_DINGTALK]: dingtalk } } })
}

describe('usePullToRefresh', () => {
  it("on a phone in DingTalk reloads on DingTalk's pull and stops the spinner when the reload settles", async () => {
    for (const env of ['ios', 'android'] as const) {
      const f = fake(env)
      let finish!: () => void
      const reload = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
      const page = listPage(f.dingtalk, reload)
      await flushPromises()
      expect(f.calls).toEqual(['pullToRefreshEnable'])
      f.pull()
      f.pull() // a second pull while loading does not start a second load
      expect(reload).toHaveBeenCalledOnce()
      await flushPromises()
      expect(f.calls).not.toContain('pullToRefreshStop')
      finish()
      await flushPromises()
      expect(f.calls).toContain('pullToRefreshStop')
      page.unmount()
      await flushPromises()
      expect(f.calls.at(-1)).toBe('pullToRefreshDisable')
    }
  })

  it('stops the spinner after a failed reload too', async () => {
    const f = fake('ios')
    listPage(f.dingtalk, () => Promise.reject(new Error('offline')))
    await flushPromises()
    f.pull()
    await flushPromises()
    expect(f.calls).toContain('pullToRefreshStop')
  })

  it('does nothing on PC or in a browser', async () => {
    for (const env of ['pc', 'browser'] as const) {
      const f = fake(env)
      listPage(
        f.dingtalk,
        vi.fn(async () => undefined),
      ).unmount()
      await flushPromises()
      expect(f.calls).toEqual([])
    }
  })
})
