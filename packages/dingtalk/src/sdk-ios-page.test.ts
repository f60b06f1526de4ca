import { beforeAll, describe, expect, it, vi } from 'vitest'

/**
 * The real dingtalk-jsapi path of the page-level APIs on iOS: the navigation bar button, pull to
 * refresh and the share sheet. A watched API registers its listener with `registerHandler` under
 * its full name; DingTalk calls it on each tap or pull (own file: the SDK is a singleton).
 */
const IOS_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.6.0) com.laiwang.DingTalk/31000000 Channel/201200 language/zh-Hant-HK'

const calls: { method: string; params: Record<string, unknown> }[] = []
const handlers = new Map<string, (data: unknown, reply?: (r: unknown) => void) => void>()

beforeAll(() => {
  Object.defineProperty(navigator, 'userAgent', { value: IOS_UA, configurable: true })
  Object.assign(window, {
    WebViewJavascriptBridge: {
      init() {},
      registerHandler(method: string, fn: (data: unknown, reply?: (r: unknown) => void) => void) {
        handlers.set(method, fn)
      },
      callHandler(method: string, params: Record<string, unknown>, cb: (answer: unknown) => void) {
        calls.push({ method, params })
        cb({ errorCode: '0', result: {} })
      },
    },
  })
  vi.resetModules()
})

async function freshDingTalk() {
  const { createDingTalk } = await import('./index')
  return createDingTalk()
}

describe('real SDK on iOS: page-level APIs', () => {
  it('setRight shows a controlled text button and a tap on it reaches the page', async () => {
    const dingtalk = await freshDingTalk()
    const onClick = vi.fn()
    await dingtalk.setRight({ text: '新增', onClick })
    expect(calls.at(-1)).toMatchObject({
      method: 'biz.navigation.setRight',
      params: { show: true, control: true, text: '新增', watch: true },
    })
    handlers.get('biz.navigation.setRight')?.({})
    // The SDK passes each event through its result handling first, so the page hears it a tick later.
    await vi.waitFor(() => expect(onClick).toHaveBeenCalledOnce())
  })

  it('pull to refresh is enabled, stopped and disabled through ui.pullToRefresh', async () => {
    const dingtalk = await freshDingTalk()
    const onRefresh = vi.fn()
    await dingtalk.enablePullToRefresh(onRefresh)
    handlers.get('ui.pullToRefresh.enable')?.({})
    await vi.waitFor(() => expect(onRefresh).toHaveBeenCalledOnce())
    await dingtalk.stopPullToRefresh()
    await dingtalk.disablePullToRefresh()
    expect(calls.map((c) => c.method)).toEqual(
      expect.arrayContaining(['ui.pullToRefresh.enable', 'ui.pullToRefresh.stop', 'ui.pullToRefresh.disable']),
    )
  })

  it('share opens biz.util.share with the link', async () => {
    const dingtalk = await freshDingTalk()
    await expect(dingtalk.share({ title: '邀請', content: '加入案件室', url: 'https://x.example/i/1' })).resolves.toBe(
      'shared',
    )
    expect(calls.at(-1)).toMatchObject({
      method: 'biz.util.share',
      params: { type: 0, title: '邀請', content: '加入案件室', url: 'https://x.example/i/1' },
    })
  })
})
