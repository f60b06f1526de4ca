import type { DingTalkEnv } from './environment'
import { DingTalkError, isDingTalkError, toDingTalkError } from './errors'
import type { LoadApi, NativeApiName, NativeApis } from './sdk-loader'
import { withTimeout } from './timeout'
import type { DingTalkOperations } from './types'

/** Time limits of bridge calls, in milliseconds. */
export interface NativeTimeouts {
  /** Calls that answer at once (auth code, toast, title, open link). */
  call: number
  /** Calls that wait for the user (alert, confirm, picker, image viewer). */
  interactive: number
}

/** The APIs whose answer waits for the user, so the short limit would cut them off. */
const INTERACTIVE = new Set<NativeApiName>(['alert', 'confirm', 'complexPicker', 'previewImage', 'share'])

/** Platforms with DingTalk's mobile navigation bar (setRight) and pull-to-refresh. */
const MOBILE = new Set<DingTalkEnv>(['ios', 'android', 'harmony'])

type Params<K extends NativeApiName> = Parameters<NativeApis[K]>[0]
type Result<K extends NativeApiName> = Awaited<ReturnType<NativeApis[K]>>

/** Drop undefined fields: the SDK merges defaults with Object.assign, so `{duration: undefined}` would erase them. */
function compact<T extends object>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as T
}

/**
 * The DingTalk side of the adapter: each call loads its API module, runs under its own
 * timeout (loading included), and turns any failure into a `DingTalkError`.
 */
export function createNativeOperations(
  loadApi: LoadApi,
  timeouts: NativeTimeouts,
  env: DingTalkEnv = 'ios',
): DingTalkOperations {
  const mobile = MOBILE.has(env)
  /** setRight and pull-to-refresh exist only in the mobile clients (DINGTALK.md). */
  const mobileOnly = (api: string) =>
    new DingTalkError({ code: 'unsupported', api, message: `DingTalk ${api} exists only in the mobile client` })

  async function call<K extends NativeApiName>(name: K, params: Params<K>): Promise<Result<K>> {
    const ms = INTERACTIVE.has(name) ? timeouts.interactive : timeouts.call
    const run = async (): Promise<Result<K>> => {
      const api = (await loadApi(name)) as (p: Params<K>) => Promise<Result<K>>
      return api(compact(params))
    }
    try {
      return await withTimeout(run(), ms, name)
    } catch (error) {
      throw toDingTalkError(name, error)
    }
  }

  /**
   * A call that registers a listener (`watch: true` in the SDK): iOS answers at once, but Android
   * answers through the same callback as the events, so the first answer may only come with the
   * first tap or pull. No answer in time therefore means "registered"; a refusal is still thrown.
   */
  async function register<K extends NativeApiName>(name: K, params: Params<K>): Promise<void> {
    try {
      await call(name, params)
    } catch (error) {
      if (!(isDingTalkError(error) && error.code === 'timeout')) throw error
    }
  }

  return {
    async requestAuthCode(corpId) {
      const { code } = await call('requestAuthCode', { corpId })
      return code
    },
    async toast({ text, type, duration }) {
      const icon = type === 'success' || type === 'error' ? type : undefined
      const seconds = duration === undefined ? undefined : Math.max(1, Math.round(duration / 1000))
      await call('toast', { text, icon, duration: seconds })
    },
    async alert({ title, message, buttonName }) {
      await call('alert', { title, message, buttonName })
    },
    async confirm({ title, message, confirmText, cancelText }) {
      const buttonLabels = [confirmText ?? '确定', cancelText ?? '取消']
      try {
        const { buttonIndex } = await call('confirm', { title, message, buttonLabels })
        return buttonIndex === 0
      } catch (error) {
        if (isDingTalkError(error) && error.code === 'cancelled') return false
        throw error
      }
    },
    async setTitle(title) {
      await call('setTitle', { title })
    },
    async openLink(url) {
      await call('openLink', { url })
    },
    async complexPicker({ corpId, title, multiple, maxUsers, appId }) {
      const result = await call('complexPicker', {
        corpId,
        title,
        multiple: multiple ?? true,
        maxUsers,
        appId,
        responseUserOnly: true,
      })
      return (result.users ?? []).map((user) => ({
        userId: user.emplId,
        name: user.name,
        avatar: user.avatar || undefined,
      }))
    },
    async previewImage({ urls, current }) {
      await call('previewImage', { urls, current: current ?? urls[0] })
    },
    async setRight(action) {
      if (!mobile) throw mobileOnly('setRight')
      await register(
        'setRight',
        action
          ? { show: true, control: true, text: action.text, onSuccess: () => action.onClick() }
          : { show: false, control: false, text: '' },
      )
    },
    async enablePullToRefresh(onRefresh) {
      if (!mobile) throw mobileOnly('pullToRefreshEnable')
      await register('pullToRefreshEnable', { onSuccess: () => onRefresh() })
    },
    async stopPullToRefresh() {
      if (mobile) await call('pullToRefreshStop', {})
    },
    async disablePullToRefresh() {
      if (mobile) await call('pullToRefreshDisable', {})
    },
    async share({ title, content, url, image }) {
      await call('share', { type: 0, url, title, content: content ?? '', image: image ?? '' })
      return 'shared'
    },
  }
}
