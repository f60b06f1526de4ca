import {
  adminResource,
  authResource,
  caseRoomResource,
  casesResource,
  composeApiClient,
  usersResource,
  type ApiClientOptions,
} from '@suite/api-client'
import type { DingTalk } from '@suite/dingtalk'

export { withReEntry as signInApi } from './sign-in/with-re-entry'

/**
 * The case room's API client (session cookie + CSRF header handled inside). It carries only the
 * resources the case room uses, and so only their schemas, not every area's. The kernel loads
 * this module lazily, in parallel with the first screen, so axios, zod and the schemas stay out
 * of the first bundle: import it statically only as a type.
 */
export const createApi = (options: ApiClientOptions) =>
  composeApiClient(
    {
      auth: authResource,
      caseRoom: caseRoomResource,
      cases: casesResource,
      users: usersResource,
      admin: adminResource,
    },
    options,
  )

/** What pages, composables and stores may call: the resources composed above. */
export type CaseRoomApi = ReturnType<typeof createApi>

declare module '@suite/app-kit' {
  /** What the case room's pages and composables reach the outside world through; tests provide fakes. */
  interface AppDeps {
    api: CaseRoomApi
    dingtalk: Pick<DingTalk, 'inDingTalk' | 'complexPicker' | 'requestAuthCode' | 'setTitle'> &
      // The share sheet sends an invitation from inside DingTalk; optional so fakes without it stay valid.
      Partial<Pick<DingTalk, 'share'>>
    /** The DingTalk org (the URL's, else the session's). */
    corpId: () => string | null
    now: () => Date
  }
}
