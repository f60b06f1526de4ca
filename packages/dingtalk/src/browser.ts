import { DingTalkError, toDingTalkError } from './errors'
import type { Fallback } from './fallback'
import type { DingTalkOperations } from './types'

/** Run one fallback, reporting any failure as a `DingTalkError` for `api`. */
async function guard<T>(api: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw toDingTalkError(api, error)
  }
}

function unsupported(api: string, message: string): DingTalkError {
  return new DingTalkError({ code: 'unsupported', api, message })
}

/**
 * The outside-DingTalk side of the adapter. No timeouts here: these are local UI calls,
 * and dialogs legitimately wait for the user.
 */
export function createBrowserOperations(fallback: Fallback): DingTalkOperations {
  return {
    requestAuthCode() {
      return Promise.reject(
        new DingTalkError({
          code: 'not_in_dingtalk',
          api: 'requestAuthCode',
          message: 'No DingTalk auth code outside DingTalk: use the dev sign-in',
        }),
      )
    },
    toast: (options) => guard('toast', () => fallback.toast(options)),
    alert: (options) => guard('alert', () => fallback.alert(options)),
    confirm: (options) => guard('confirm', () => fallback.confirm(options)),
    setTitle: (title) => guard('setTitle', () => fallback.setTitle(title)),
    openLink: (url) => guard('openLink', () => fallback.openLink(url)),
    previewImage: (options) => guard('previewImage', () => fallback.previewImage(options)),
    setRight: () => Promise.reject(unsupported('setRight', 'No navigation bar outside DingTalk: show a button')),
    enablePullToRefresh: () =>
      Promise.reject(unsupported('pullToRefreshEnable', 'No native pull-to-refresh outside DingTalk')),
    stopPullToRefresh: () => Promise.resolve(),
    disablePullToRefresh: () => Promise.resolve(),
    share: (options) => guard('share', () => fallback.share(options)),
    complexPicker(options) {
      const pickUsers = fallback.pickUsers
      if (!pickUsers) {
        return Promise.reject(
          new DingTalkError({
            code: 'unsupported',
            api: 'complexPicker',
            message: 'No people picker outside DingTalk: pass fallback.pickUsers',
          }),
        )
      }
      return guard('complexPicker', () => pickUsers.call(fallback, options))
    },
  }
}
