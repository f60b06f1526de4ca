import { authResource, composeApiClient, courtCalendarResource, type ApiClientOptions } from '@suite/api-client'
import type { DingTalk } from '@suite/dingtalk'

/**
 * The court calendar's API client (session cookie + CSRF header handled inside): sign-in and
 * the court calendar resource. The kernel loads this module lazily, in parallel with the first
 * screen, so axios and the schemas stay out of the first bundle: import it only as a type.
 */
export const createApi = (options: ApiClientOptions) =>
  composeApiClient({ auth: authResource, courtCalendar: courtCalendarResource }, options)

/** What the app calls on the server. */
export type CourtApi = ReturnType<typeof createApi>

declare module '@suite/app-kit' {
  /** What the court calendar's pages and composables reach the outside world through; tests provide fakes. */
  interface AppDeps {
    api: Pick<CourtApi, 'courtCalendar'>
    dingtalk: Pick<DingTalk, 'setTitle'>
    now: () => Date
    /** Put text on the clipboard (the feed URL). */
    copyText: (text: string) => Promise<void>
  }
}
