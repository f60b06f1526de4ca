import { createDingTalk, type DingTalk } from '@suite/dingtalk'
import type { Session } from '@suite/domain'
import { inject, type InjectionKey, type Ref } from 'vue'

/** Where the app kernel provides its DingTalk handle, for the shell and the platform composables. */
export const SUITE_DINGTALK: InjectionKey<DingTalk> = Symbol('suite-dingtalk')

/** Where the app kernel provides how the current session was opened (DingTalk, demo picker, invitation). */
export const SUITE_SESSION_METHOD: InjectionKey<Readonly<Ref<Session['method'] | null>>> =
  Symbol('suite-session-method')

let browserAdapter: DingTalk | undefined

/**
 * The app's DingTalk handle (provided by `createSuiteApp`); outside an app (a component test, a
 * page mounted on its own) the plain-browser adapter, whose calls are the Element Plus fallbacks.
 */
export function useSuiteDingTalk(): DingTalk {
  const provided = inject(SUITE_DINGTALK, null)
  if (provided) return provided
  browserAdapter ??= createDingTalk({ env: 'browser' })
  return browserAdapter
}
