import type { DingTalk } from '@suite/dingtalk'
import { inject, type InjectionKey } from 'vue'
import type { CaseRoomApi } from './api'

/** What pages and composables use to reach the outside world; tests provide fakes. */
export interface AppDeps {
  api: CaseRoomApi
  dingtalk: Pick<DingTalk, 'inDingTalk' | 'complexPicker' | 'requestAuthCode' | 'setTitle'>
  /** The DingTalk org (the URL's, else the session's). */
  corpId: () => string | null
  now: () => Date
}

export const APP_DEPS: InjectionKey<AppDeps> = Symbol('case-room-deps')

/** The app's dependencies, provided once in main.ts (before the first render). */
export function useDeps(): AppDeps {
  const deps = inject(APP_DEPS)
  if (!deps) throw new Error('case-room: APP_DEPS not provided')
  return deps
}
