/**
 * @suite/app-kit: the app kernel. What every mini-app needs lives here once: the DingTalk
 * handle and corp id, the sign-in gate with session expiry always wired, the session store,
 * the lazy (memoized, retried) API client / shell / messages, the root component, one typed
 * way to inject an app's dependencies, async state that drops stale answers (`useLatestAsync`)
 * and the step-up retry of privileged calls (`useStepUp`). An app passes only what is its own.
 */
export {
  createSuiteApp,
  type AppMessageLoaders,
  type AppMessages,
  type DepsContext,
  type SuiteApp,
  type SuiteAppContext,
  type SuiteAppOptions,
  type SuiteAppOverrides,
  type SuiteApiModule,
} from './create-suite-app'
export { APP_DEPS, useDeps, type AppDeps } from './deps'
export { lazy, type LazyOptions } from './lazy'
export { messagesFrom } from './messages-from'
export { lazySignInApi } from './lazy-sign-in-api'
export { useSessionStore } from './session-store'
export { usePullToRefresh } from './use-pull-to-refresh'
export { useLatestAsync, type UseLatestAsyncOptions, type UseLatestAsyncReturn } from './use-latest-async'
export { isStepUpRequired, useStepUp, withStepUp, type ConfirmStepUp, type StepUpResult } from './use-step-up'
