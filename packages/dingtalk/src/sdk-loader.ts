import type { requestAuthCode$ } from 'dingtalk-jsapi/api/runtime/permission/requestAuthCode'
import type { toast$ } from 'dingtalk-jsapi/api/device/notification/toast'
import type { alert$ } from 'dingtalk-jsapi/api/device/notification/alert'
import type { confirm$ } from 'dingtalk-jsapi/api/device/notification/confirm'
import type { setTitle$ } from 'dingtalk-jsapi/api/biz/navigation/setTitle'
import type { openLink$ } from 'dingtalk-jsapi/api/biz/util/openLink'
import type { complexPicker$ } from 'dingtalk-jsapi/api/biz/contact/complexPicker'
import type { previewImage$ } from 'dingtalk-jsapi/api/biz/util/previewImage'
import type { setRight$ } from 'dingtalk-jsapi/api/biz/navigation/setRight'
import type { enable$ } from 'dingtalk-jsapi/api/ui/pullToRefresh/enable'
import type { stop$ } from 'dingtalk-jsapi/api/ui/pullToRefresh/stop'
import type { disable$ } from 'dingtalk-jsapi/api/ui/pullToRefresh/disable'
import type { share$ } from 'dingtalk-jsapi/api/biz/util/share'

/** The dingtalk-jsapi functions the adapter calls, keyed by our short name. */
export interface NativeApis {
  requestAuthCode: typeof requestAuthCode$
  toast: typeof toast$
  alert: typeof alert$
  confirm: typeof confirm$
  setTitle: typeof setTitle$
  openLink: typeof openLink$
  complexPicker: typeof complexPicker$
  previewImage: typeof previewImage$
  setRight: typeof setRight$
  pullToRefreshEnable: typeof enable$
  pullToRefreshStop: typeof stop$
  pullToRefreshDisable: typeof disable$
  share: typeof share$
}

/** Short name of a native API, e.g. `requestAuthCode` for `runtime.permission.requestAuthCode`. */
export type NativeApiName = keyof NativeApis

/** Loads one native API function; tests inject a fake one through `createDingTalk({ loadApi })`. */
export type LoadApi = <K extends NativeApiName>(name: K) => Promise<NativeApis[K]>

/**
 * One dynamic import per API, with literal paths so bundlers split them. Named exports only:
 * under Vite 8 the per-API module's default import is not the function (DINGTALK.md).
 */
const importers: { [K in NativeApiName]: () => Promise<NativeApis[K]> } = {
  requestAuthCode: async () => (await import('dingtalk-jsapi/api/runtime/permission/requestAuthCode')).requestAuthCode$,
  toast: async () => (await import('dingtalk-jsapi/api/device/notification/toast')).toast$,
  alert: async () => (await import('dingtalk-jsapi/api/device/notification/alert')).alert$,
  confirm: async () => (await import('dingtalk-jsapi/api/device/notification/confirm')).confirm$,
  setTitle: async () => (await import('dingtalk-jsapi/api/biz/navigation/setTitle')).setTitle$,
  openLink: async () => (await import('dingtalk-jsapi/api/biz/util/openLink')).openLink$,
  complexPicker: async () => (await import('dingtalk-jsapi/api/biz/contact/complexPicker')).complexPicker$,
  previewImage: async () => (await import('dingtalk-jsapi/api/biz/util/previewImage')).previewImage$,
  setRight: async () => (await import('dingtalk-jsapi/api/biz/navigation/setRight')).setRight$,
  pullToRefreshEnable: async () => (await import('dingtalk-jsapi/api/ui/pullToRefresh/enable')).enable$,
  pullToRefreshStop: async () => (await import('dingtalk-jsapi/api/ui/pullToRefresh/stop')).stop$,
  pullToRefreshDisable: async () => (await import('dingtalk-jsapi/api/ui/pullToRefresh/disable')).disable$,
  share: async () => (await import('dingtalk-jsapi/api/biz/util/share')).share$,
}

let entry: Promise<unknown> | undefined

/**
 * `entry/union` registers the platform bridges; without it every per-API call rejects 4040.
 * Loaded once, on first use, so the SDK reads the UA and globals the page has set by then.
 */
function loadEntry(): Promise<unknown> {
  entry ??= import('dingtalk-jsapi/entry/union').catch((error: unknown) => {
    entry = undefined
    throw error
  })
  return entry
}

/** The real loader: the SDK entry once, then the one API module asked for. */
export const loadSdkApi: LoadApi = async (name) => {
  await loadEntry()
  return importers[name]()
}
