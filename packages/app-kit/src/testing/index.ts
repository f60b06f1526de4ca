/** Test helpers of @suite/app-kit. Test-only: imports vitest, msw and @vue/test-utils. */
export { errorBody, itSignsInAgainOverThePage, TEST_API, type SessionExpiryTestOptions } from './session-expiry'
export { probePage, type ProbeLog } from './probe-page'
export {
  fakeApi,
  mountWithSuite,
  setSuiteMountDefaults,
  type AppApi,
  type MountWithSuiteOptions,
  type SuiteMountDefaults,
} from './mount-with-suite'
