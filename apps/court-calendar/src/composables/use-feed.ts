import type { CalendarFeed } from '@suite/domain'
import { shallowRef } from 'vue'
import type { AppDeps } from '@suite/app-kit'

/** The caller's iCalendar feed address: read, create or replace, turn off, copy. */
export function useFeed(deps: Pick<AppDeps, 'api' | 'copyText'>) {
  const feed = shallowRef<CalendarFeed | null>(null)
  const loading = shallowRef(false)
  const busy = shallowRef(false)
  const error = shallowRef<unknown>(null)

  async function step(fn: () => Promise<void>, flag = busy): Promise<boolean> {
    flag.value = true
    error.value = null
    try {
      await fn()
      return true
    } catch (e) {
      error.value = e
      return false
    } finally {
      flag.value = false
    }
  }

  return {
    feed,
    loading,
    busy,
    error,
    load: () =>
      step(async () => {
        feed.value = await deps.api.courtCalendar.feed.get()
      }, loading),
    /** Create the address, or replace it (the old one stops working at once). */
    rotate: () =>
      step(async () => {
        feed.value = await deps.api.courtCalendar.feed.rotate()
      }),
    revoke: () =>
      step(async () => {
        await deps.api.courtCalendar.feed.revoke()
        feed.value = { url: null, createdAt: null }
      }),
    copy: () =>
      step(async () => {
        if (feed.value?.url) await deps.copyText(feed.value.url)
      }),
  }
}
