import type { DingTalk } from '@suite/dingtalk'
import { inject, type InjectionKey } from 'vue'
import type { CourtApi } from './api'

/** What pages and composables use to reach the outside world; tests provide fakes. */
export interface AppDeps {
  api: Pick<CourtApi, 'courtCalendar'>
  dingtalk: Pick<DingTalk, 'setTitle'>
  now: () => Date
  /** Put text on the clipboard (the feed URL). */
  copyText: (text: string) => Promise<void>
}

export const APP_DEPS: InjectionKey<AppDeps> = Symbol('court-calendar-deps')

/** The app's dependencies, provided once in main.ts. */
export function useDeps(): AppDeps {
  const deps = inject(APP_DEPS)
  if (!deps) throw new Error('court-calendar: APP_DEPS not provided')
  return deps
}
