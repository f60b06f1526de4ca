import type { EventSync } from '@suite/domain'
import { onScopeDispose, watch } from 'vue'

/** Options of {@link useSyncRefresh}. */
export interface SyncRefreshOptions {
  /** Wait between two looks (ms). */
  intervalMs?: number
  /** Give up after this many looks in a row that still show a pending sync. */
  maxTries?: number
}

/**
 * While any shown item's DingTalk sync has not settled (not started yet: no state at all, or
 * pending), look again every few seconds, so the badge turns to "synced" (or "failed") without
 * the person reloading. Pass the sync states of the items that should sync (not cancelled ones).
 * Stops once everything settled, after `maxTries` looks, and when the page goes away.
 */
export function useSyncRefresh(
  syncs: () => readonly (readonly EventSync[])[],
  refresh: () => Promise<unknown>,
  o: SyncRefreshOptions = {},
) {
  const intervalMs = o.intervalMs ?? 3_000
  const maxTries = o.maxTries ?? 20
  let timer: ReturnType<typeof setTimeout> | null = null
  let tries = 0
  let disposed = false

  const pending = () => syncs().some((list) => !list.length || list.some((s) => s.state === 'pending'))
  const clear = () => {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
  }

  watch(
    () => pending(),
    (now) => {
      clear()
      if (!now) {
        tries = 0
        return
      }
      schedule()
    },
    { immediate: true },
  )

  function schedule(): void {
    if (disposed || timer || tries >= maxTries) return
    timer = setTimeout(async () => {
      timer = null
      tries++
      try {
        await refresh()
      } catch {
        /* the page shows its own errors; try again next time */
      }
      if (pending()) schedule()
    }, intervalMs)
  }

  onScopeDispose(() => {
    disposed = true
    clear()
  })
}
