/** Test helpers of @suite/app-kit. Test-only: imports vitest and msw. */
export { errorBody, itSignsInAgainOverThePage, TEST_API, type SessionExpiryTestOptions } from './session-expiry'
export { probePage, type ProbeLog } from './probe-page'
