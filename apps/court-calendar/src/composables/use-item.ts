import { shallowRef } from 'vue'

/**
 * One record loaded by id with loading / error state, and `act` for a change that answers
 * the record anew (cancel, restore, mark done): the page shows the answer, never a guess.
 */
export function useItem<T>(fetch: () => Promise<T>) {
  const item = shallowRef<T | null>(null)
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const busy = shallowRef(false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      item.value = await fetch()
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
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
