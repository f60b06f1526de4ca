import type { BrowserContext, Page } from 'playwright-core'

/**
 * A fake DingTalk iOS client: the `WebViewJavascriptBridge` the real dingtalk-jsapi talks to,
 * installed before the app's bundle runs. `requestAuthCode` mints a real code in the DingTalk
 * simulator for `dingtalkUserId`, so the backend's whole sign-in path runs. Every call is kept
 * in `window.__bridgeCalls` for assertions.
 */
export async function installIosBridge(context: BrowserContext, dingtalkUserId: string): Promise<void> {
  await context.addInitScript(
    ({ userid }) => {
      const calls: { method: string; params: unknown }[] = []
      const listeners: Record<string, (data: unknown) => void> = {}
      ;(window as unknown as { __bridgeCalls: typeof calls }).__bridgeCalls = calls
      // What DingTalk does when the person taps the navigation bar button or pulls the page.
      ;(window as unknown as { __bridgeFire: (method: string) => boolean }).__bridgeFire = (method) => {
        const listener = listeners[method]
        if (listener) listener({})
        return Boolean(listener)
      }
      ;(window as unknown as { WebViewJavascriptBridge: unknown }).WebViewJavascriptBridge = {
        init() {},
        registerHandler(method: string, fn: (data: unknown) => void) {
          listeners[method] = fn
        },
        callHandler(method: string, params: Record<string, unknown>, cb: (r: unknown) => void) {
          calls.push({ method, params })
          if (method === 'runtime.permission.requestAuthCode') {
            void fetch('/_sim/dingtalk/_test/auth-codes', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ userid, corpId: params.corpId }),
            })
              .then((r) => r.json())
              .then((b: { code?: string }) =>
                cb(b.code ? { errorCode: '0', result: { code: b.code } } : { errorCode: '3', errorMessage: 'no code' }),
              )
            return
          }
          if (method === 'device.notification.confirm') return cb({ errorCode: '0', result: { buttonIndex: 0 } })
          cb({ errorCode: '0', result: {} })
        },
      }
    },
    { userid: dingtalkUserId },
  )
}

/** The user agent of the DingTalk Android client. */
export const DINGTALK_ANDROID_UA =
  'Mozilla/5.0 (Linux; U; Android 14; zh-HK; Pixel 7 Build/UQ1A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.0.0 Mobile Safari/537.36 AliApp(DingTalk/7.6.0) com.alibaba.android.rimet/32000000 Channel/700159 language/zh-HK'

/**
 * A fake DingTalk Android client: the `nuva` loader whose bridge function the real dingtalk-jsapi
 * calls as `(ok, fail, service, action, params)`. Like the iOS fake, `requestAuthCode` mints a
 * real code in the simulator, and every call lands in `window.__bridgeCalls` (method = service +
 * action). A watched API (navigation bar button, pull to refresh) keeps its `ok` callback, which
 * DingTalk calls on each tap or pull: `__bridgeFire(method)` does that.
 */
export async function installAndroidBridge(context: BrowserContext, dingtalkUserId: string): Promise<void> {
  await context.addInitScript(
    ({ userid }) => {
      const calls: { method: string; params: unknown }[] = []
      const listeners: Record<string, (data: unknown) => void> = {}
      ;(window as unknown as { __bridgeCalls: typeof calls }).__bridgeCalls = calls
      ;(window as unknown as { __bridgeFire: (method: string) => boolean }).__bridgeFire = (method) => {
        const listener = listeners[method]
        if (listener) listener({})
        return Boolean(listener)
      }
      type Answer = (result: unknown) => void
      const bridge = (ok: Answer, fail: Answer, service: string, action: string, params: Record<string, unknown>) => {
        const method = `${service}.${action}`
        calls.push({ method, params })
        if (method === 'runtime.permission.requestAuthCode') {
          void fetch('/_sim/dingtalk/_test/auth-codes', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ userid, corpId: params.corpId }),
          })
            .then((r) => r.json())
            .then((b: { code?: string }) => (b.code ? ok({ code: b.code }) : fail({ errorCode: '3' })))
          return
        }
        // A watched API answers only when its event happens (Android calls the same callback each time).
        if (params.watch === true && params.onSuccess !== undefined) {
          listeners[method] = ok
          return
        }
        if (method === 'device.notification.confirm') return ok({ buttonIndex: 0 })
        ok({})
      }
      ;(window as unknown as { nuva: unknown }).nuva = { isReady: true, require: () => bridge }
    },
    { userid: dingtalkUserId },
  )
}

/** Tap DingTalk's navigation bar button or pull the page: the fake client fires the API's listener. */
export function fireBridgeEvent(page: Page, method: string): Promise<boolean> {
  return page.evaluate((m) => (window as unknown as { __bridgeFire: (m: string) => boolean }).__bridgeFire(m), method)
}

/** The bridge calls a page made so far. */
export function bridgeCalls(page: Page): Promise<{ method: string; params: Record<string, unknown> }[]> {
  return page.evaluate(
    () => (window as unknown as { __bridgeCalls: { method: string; params: Record<string, unknown> }[] }).__bridgeCalls,
  )
}

export const PC_HOST_ORIGIN = 'https://host.dingtalk.com'

/**
 * A fake DingTalk PC client: a host page on https://host.dingtalk.com (served through the
 * browser's request routing) that frames the app with the `window.name` the SDK reads, and
 * answers its postMessage requests. `requestAuthCode` answers with a code minted beforehand.
 */
export async function openInPcClient(
  context: BrowserContext,
  appUrl: string,
  mintCode: () => Promise<string>,
): Promise<{ host: Page; calls: () => Promise<{ methodName: string; body: unknown }[]> }> {
  await context.exposeFunction('__mintCode', mintCode)
  await context.route(`${PC_HOST_ORIGIN}/**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>DingTalk</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head><body>
<iframe id="app" name='${JSON.stringify({ hostOrigin: PC_HOST_ORIGIN, containerId: 'c1' })}' src="${appUrl}"></iframe>
<script>
  window.__calls = []
  window.addEventListener('message', async (e) => {
    const m = e.data
    if (!m || m.type !== 'request') return
    window.__calls.push({ methodName: m.methodName, body: m.body })
    let body = {}
    if (m.methodName === 'runtime.permission.requestAuthCode') body = { code: await window.__mintCode() }
    if (m.methodName === 'device.notification.confirm') body = { buttonIndex: 0 }
    e.source.postMessage({ type: 'response', msgId: m.msgId, success: true, body }, e.origin)
  })
</script></body></html>`,
    }),
  )
  const host = await context.newPage()
  await host.goto(`${PC_HOST_ORIGIN}/workbench`)
  return {
    host,
    calls: () =>
      host.evaluate(() => (window as unknown as { __calls: { methodName: string; body: unknown }[] }).__calls),
  }
}

/** Mint a DingTalk auth code for a directory user through the simulator's test hook. */
export async function mintAuthCode(baseURL: string, dingtalkUserId: string, corpId: string): Promise<string> {
  const res = await fetch(`${baseURL}/_sim/dingtalk/_test/auth-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userid: dingtalkUserId, corpId }),
  })
  const body = (await res.json()) as { code?: string }
  if (!body.code) throw new Error(`could not mint a code: ${JSON.stringify(body)}`)
  return body.code
}
