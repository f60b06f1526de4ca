import { beforeAll, describe, expect, it, vi } from 'vitest'

/**
 * The real dingtalk-jsapi path of the navigation bar button on Android: the SDK hands the `nuva`
 * bridge one success callback, which DingTalk calls on each tap, so the call itself answers only
 * with the first tap. The adapter counts a registration that has not answered in time as done
 * (own file: the SDK is a singleton).
 */
const ANDROID_UA =
  'Mozilla/5.0 (Linux; U; Android 14; zh-HK; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.0.0 Mobile Safari/537.36 AliApp(DingTalk/7.6.0) com.alibaba.android.rimet/32000000 Channel/700159 language/zh-HK'

type Answer = (result: unknown) => void
const calls: { method: string; params: Record<string, unknown> }[] = []
const taps = new Map<string, Answer>()

beforeAll(() => {
  Object.defineProperty(navigator, 'userAgent', { value: ANDROID_UA, configurable: true })
  const bridge = (ok: Answer, _fail: Answer, service: string, action: string, params: Record<string, unknown>) => {
    const method = `${service}.${action}`
    calls.push({ method, params })
    if (params.watch === true && typeof params.onSuccess === 'function') taps.set(method, ok)
    else ok({})
  }
  Object.assign(window, { nuva: { isReady: true, require: () => bridge } })
  vi.resetModules()
})

describe('real SDK on Android: the navigation bar button', () => {
  it('each tap reaches the page; the first one also settles the call', async () => {
    const { createDingTalk } = await import('./index')
    const dingtalk = createDingTalk({ timeoutMs: 30_000 })
    expect(dingtalk.env).toBe('android')
    const onClick = vi.fn()
    const registered = dingtalk.setRight({ text: '新增', onClick })
    await vi.waitFor(() => expect(taps.has('biz.navigation.setRight')).toBe(true), { timeout: 10_000 })
    expect(calls.at(-1)).toMatchObject({
      method: 'biz.navigation.setRight',
      params: { show: true, control: true, text: '新增', watch: true },
    })
    taps.get('biz.navigation.setRight')?.({})
    await expect(registered).resolves.toBeUndefined()
    taps.get('biz.navigation.setRight')?.({})
    await vi.waitFor(() => expect(onClick).toHaveBeenCalledTimes(2))
  })

  it('counts a registration that has not answered in time as done', async () => {
    const { createDingTalk } = await import('./index')
    const dingtalk = createDingTalk({ timeoutMs: 200 })
    await expect(dingtalk.setRight({ text: '新增', onClick: () => undefined })).resolves.toBeUndefined()
  })
})
