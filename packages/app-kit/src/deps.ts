import { inject, type InjectionKey } from 'vue'

/**
 * What an app's pages and composables reach the outside world through (its API client, a
 * clock, the DingTalk handle...). Empty here: each app declares its own shape once, by
 * augmentation, beside its API client, and hands the kernel a factory for it:
 *
 * @example
 * declare module '@suite/app-kit' {
 *   interface AppDeps { api: CaseRoomApi; now: () => Date }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each app through declaration merging
export interface AppDeps {}

/** Where the kernel provides {@link AppDeps}; tests provide fakes under the same key. */
export const APP_DEPS: InjectionKey<AppDeps> = Symbol('suite-app-deps')

/** The app's dependencies, provided by the kernel around the signed-in shell (and public pages). */
export function useDeps(): AppDeps {
  const deps = inject(APP_DEPS, null)
  if (!deps)
    throw new Error(
      'useDeps: no app dependencies provided (mount under createSuiteApp, or provide APP_DEPS in the test)',
    )
  return deps
}
