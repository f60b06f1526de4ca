/**
 * Where the page runs, as dingtalk-jsapi's `lib/env.js` decides it. `browser` is the SDK's
 * `notInDingTalk`: every native call would reject with 4040, so the adapter uses its fallback.
 */
export type DingTalkEnv = 'ios' | 'android' | 'harmony' | 'pc' | 'browser'

/** The parts of `window` the SDK's environment check reads. */
export interface EnvironmentWindow {
  navigator: { userAgent: string }
  name: string
  /** Set by the DingTalk PC client when the page is its top frame. */
  dingtalk?: { platform?: { invokeAPI?: unknown } }
  /** The Android bridge loader; on an iOS UA its presence alone means DingTalk to the SDK. */
  nuva?: unknown
}

/** `containerId` from `window.name` when the DingTalk PC host framed the page, else undefined. */
function readContainerId(name: string): string | undefined {
  if (!name) return undefined
  try {
    const parsed: unknown = JSON.parse(name)
    const id = (parsed as { containerId?: unknown }).containerId
    return id ? String(id) : undefined
  } catch {
    return undefined
  }
}

/**
 * Detect the DingTalk platform the same way dingtalk-jsapi 3.2.9 does at module load
 * (`lib/env.js`, web H5 rules), in the same order: ios, android, harmony, pc, else browser.
 *
 * - ios: UA has iPhone/iPad/iPod/iOS and DingTalk (or an iOS UA with a `nuva` object)
 * - android: UA has Android and DingTalk, and it is not Harmony
 * - harmony: UA has OpenHarmony, ArkWeb and DingTalk
 * - pc: `window.name` is JSON with a `containerId`, or `window.dingtalk.platform.invokeAPI` exists
 *
 * Like the SDK, a `containerId` in `window.name` also counts as "DingTalk" for the mobile rules.
 * Not replicated: mini-app/weex runtimes, the Zhejiang government client (TaurusApp) and the
 * top-frame bridge config; none of them loads these H5 apps.
 */
export function detectEnvironment(win: EnvironmentWindow = window): DingTalkEnv {
  const ua = win.navigator.userAgent || ''
  const containerId = readContainerId(win.name)
  const isDingTalk = /DingTalk/i.test(ua) || containerId !== undefined
  const isIos = /iPhone|iPad|iPod|iOS/i.test(ua)
  const isAndroid = /Android/i.test(ua)
  const isHarmony = /OpenHarmony/i.test(ua) && /ArkWeb/i.test(ua) && isDingTalk
  if ((isIos && isDingTalk) || (isIos && typeof win.nuva === 'object')) return 'ios'
  if (isAndroid && isDingTalk && !isHarmony) return 'android'
  if (isHarmony) return 'harmony'
  if (containerId !== undefined || win.dingtalk?.platform?.invokeAPI) return 'pc'
  return 'browser'
}
