import { useLatestAsync } from '@suite/app-kit'
import { shallowRef } from 'vue'

/**
 * One record loaded by id with loading / error state, and `act` for a change that answers
 * the record anew (cancel, restore, mark done): the page shows the answer, never a guess.
 */
export function useItem<T>(fetch: () => Promise<T>) {
  const { state: item, loading, error, runNow } = useLatestAsync(() => fetch(), null as T | null, { immediate: false })
  const busy = shallowRef(false)
  const load = async (): Promise<void> => {
    await runNow()
  }

  /** Fetch again without showing the loading state (a failure keeps what is shown). */
  async function refresh(): Promise<void> {
    item.value = await fetch()
  }

  /** Run a change; the new record replaces the shown one. Throws what the change threw. */
  async function act(change: () => Promise<T>): Promise<void> {
    busy.value = true
    try {
      item.value = await change()
    } finally {
      busy.value = false
    }
  }

  return { item, loading, error, busy, load, refresh, act }
}
