import { isDingTalkError, toDingTalkError } from './errors'
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
const INTERACTIVE = new Set<NativeApiName>(['alert', 'confirm', 'complexPicker', 'previewImage'])

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
export function createNativeOperations(loadApi: LoadApi, timeouts: NativeTimeouts): DingTalkOperations {
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
  }
}
