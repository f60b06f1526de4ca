import { afterEach, describe, expect, it } from 'vitest'
import { getENV } from 'dingtalk-jsapi/lib/env'
import { detectEnvironment } from './environment'
import type { DingTalkEnv, EnvironmentWindow } from './environment'

const UA = {
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.6.0) com.laiwang.DingTalk/31000000 Channel/201200 language/zh-Hans-CN',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.5.0)',
  android:
    'Mozilla/5.0 (Linux; U; Android 13; zh-CN; SM-S9080 Build/TP1A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0 Mobile Safari/537.36 AliApp(DingTalk/7.6.0) com.alibaba.android.rimet/34000000 Channel/227200 language/zh-CN',
  harmony:
    'Mozilla/5.0 (Phone; OpenHarmony 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile AliApp(DingTalk/7.6.5)',
  harmonyAndroid:
    'Mozilla/5.0 (Linux; Android 12; HarmonyOS; OpenHarmony 5.0) AppleWebKit/537.36 ArkWeb/4.1.6.1 Mobile AliApp(DingTalk/7.6.5)',
  macPc:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36 DingTalk(7.6.0) nw Channel/201200',
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  harmonyBrowser:
    'Mozilla/5.0 (Phone; OpenHarmony 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile',
}

const PC_NAME = JSON.stringify({ hostOrigin: 'https://host.dingtalk.com', containerId: 'c1', hostVersion: '7.6.0' })

interface Case {
  label: string
  win: EnvironmentWindow
  want: DingTalkEnv
}

const cases: Case[] = [
  { label: 'iPhone DingTalk', win: { navigator: { userAgent: UA.iphone }, name: '' }, want: 'ios' },
  { label: 'iPad DingTalk', win: { navigator: { userAgent: UA.ipad }, name: '' }, want: 'ios' },
  { label: 'Android DingTalk', win: { navigator: { userAgent: UA.android }, name: '' }, want: 'android' },
  { label: 'Harmony DingTalk', win: { navigator: { userAgent: UA.harmony }, name: '' }, want: 'harmony' },
  {
    label: 'Harmony DingTalk whose UA also says Android',
    win: { navigator: { userAgent: UA.harmonyAndroid }, name: '' },
    want: 'harmony',
  },
  {
    label: 'PC frame with containerId in window.name',
    win: { navigator: { userAgent: UA.macPc }, name: PC_NAME },
    want: 'pc',
  },
  {
    label: 'PC containerId even with a plain browser UA',
    win: { navigator: { userAgent: UA.chrome }, name: PC_NAME },
    want: 'pc',
  },
  {
    label: 'PC top frame with dingtalk.platform.invokeAPI',
    win: { navigator: { userAgent: UA.chrome }, name: '', dingtalk: { platform: { invokeAPI: () => undefined } } },
    want: 'pc',
  },
  {
    label: 'iOS UA with a nuva object',
    win: { navigator: { userAgent: UA.safariIphone }, name: '', nuva: {} },
    want: 'ios',
  },
  { label: 'desktop Chrome', win: { navigator: { userAgent: UA.chrome }, name: '' }, want: 'browser' },
  { label: 'Safari on iPhone', win: { navigator: { userAgent: UA.safariIphone }, name: '' }, want: 'browser' },
  { label: 'Chrome on Android', win: { navigator: { userAgent: UA.chromeAndroid }, name: '' }, want: 'browser' },
  {
    label: 'Harmony browser without DingTalk',
    win: { navigator: { userAgent: UA.harmonyBrowser }, name: '' },
    want: 'browser',
  },
  { label: 'window.name not JSON', win: { navigator: { userAgent: UA.chrome }, name: 'some-frame' }, want: 'browser' },
  {
    label: 'window.name JSON without containerId',
    win: { navigator: { userAgent: UA.chrome }, name: '{"hostOrigin":"https://x.dingtalk.com"}' },
    want: 'browser',
  },
  { label: 'window.name JSON null', win: { navigator: { userAgent: UA.chrome }, name: 'null' }, want: 'browser' },
  {
    label: 'dingtalk global without platform.invokeAPI',
    win: { navigator: { userAgent: UA.chrome }, name: '', dingtalk: {} },
    want: 'browser',
  },
]

describe('detectEnvironment with fake windows', () => {
  for (const { label, win, want } of cases) {
    it(`${label} -> ${want}`, () => {
      expect(detectEnvironment(win)).toBe(want)
    })
  }
})

describe('detectEnvironment agrees with the SDK (lib/env getENV) on the real window', () => {
  const globals = window as unknown as Record<string, unknown>
  const originalUa = navigator.userAgent

  afterEach(() => {
    Object.defineProperty(navigator, 'userAgent', { value: originalUa, configurable: true })
    window.name = ''
    delete globals.dingtalk
    delete globals.nuva
  })

  for (const { label, win } of cases) {
    it(label, () => {
      Object.defineProperty(navigator, 'userAgent', { value: win.navigator.userAgent, configurable: true })
      window.name = win.name
      if (win.dingtalk) globals.dingtalk = win.dingtalk
      if (win.nuva) globals.nuva = win.nuva
      const sdk = getENV().platform
      expect(detectEnvironment()).toBe(sdk === 'notInDingTalk' ? 'browser' : sdk)
    })
  }
})
