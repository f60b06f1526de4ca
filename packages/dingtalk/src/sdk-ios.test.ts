import { beforeAll, describe, expect, it, vi } from 'vitest'

/**
 * The real dingtalk-jsapi call path on iOS: UA and bridge are in place before the SDK loads
 * (it decides its platform once, at module load), exactly as in the DingTalk iOS webview.
 * Kept in its own file: the SDK is a singleton, and vitest runs each file in a fresh context.
 */
const IOS_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.6.0) com.laiwang.DingTalk/31000000 Channel/201200 language/zh-Hans-CN'

interface BridgeAnswer {
  errorCode: string
  errorMessage?: string
  result?: unknown
}
interface BridgeCall {
  method: string
  params: Record<string, unknown>
}

const calls: BridgeCall[] = []
/** What the fake native side answers per method; a missing entry never answers (a hang). */
const answers = new Map<string, BridgeAnswer>()

beforeAll(() => {
  Object.defineProperty(navigator, 'userAgent', { value: IOS_UA, configurable: true })
  Object.assign(window, {
    WebViewJavascriptBridge: {
      init() {},
      registerHandler() {},
      callHandler(method: string, params: Record<string, unknown>, cb: (answer: BridgeAnswer) => void) {
        calls.push({ method, params })
        const answer = answers.get(method)
        if (answer) cb(answer)
      },
    },
  })
  vi.resetModules()
})

/** The adapter, imported only now so the SDK it loads sees the iOS UA and bridge. */
async function freshDingTalk(options: { timeoutMs?: number } = {}) {
  const { createDingTalk } = await import('./index')
  return createDingTalk(options)
}

describe('real SDK on iOS (happy-dom, fake WebViewJavascriptBridge)', () => {
  it('requestAuthCode returns the code the bridge gave', async () => {
    answers.set('runtime.permission.requestAuthCode', { errorCode: '0', result: { code: 'abc' } })
    const dingtalk = await freshDingTalk()
    expect(dingtalk.env).toBe('ios')
    await expect(dingtalk.requestAuthCode('ding123')).resolves.toBe('abc')
    expect(calls).toEqual([{ method: 'runtime.permission.requestAuthCode', params: { corpId: 'ding123' } }])
  })

  it('maps a native cancel (-1) on confirm to false, with the SDK default labels replaced', async () => {
    answers.set('device.notification.confirm', { errorCode: '-1', errorMessage: 'cancel' })
    const dingtalk = await freshDingTalk()
    await expect(dingtalk.confirm({ message: 'Sure?', confirmText: 'OK', cancelText: 'No' })).resolves.toBe(false)
    expect(calls.at(-1)).toEqual({
      method: 'device.notification.confirm',
      params: { title: '', message: 'Sure?', buttonLabels: ['OK', 'No'] },
    })
  })

  it('maps native errorCode 7 to no_permission', async () => {
    answers.set('biz.contact.complexPicker', { errorCode: '7', errorMessage: 'no permission' })
    const dingtalk = await freshDingTalk()
    await expect(dingtalk.complexPicker({ corpId: 'ding123' })).rejects.toMatchObject({
      code: 'no_permission',
      nativeCode: 7,
      api: 'complexPicker',
    })
  })

  it('adds the SDK toast defaults and times out when the bridge never answers', async () => {
    const dingtalk = await freshDingTalk({ timeoutMs: 50 })
    await expect(dingtalk.toast({ text: 'Saved', type: 'success' })).rejects.toMatchObject({
      code: 'timeout',
      api: 'toast',
    })
    expect(calls.at(-1)).toEqual({
      method: 'device.notification.toast',
      params: { text: 'Saved', icon: 'success', duration: 3, delay: 0 },
    })
  })
})
