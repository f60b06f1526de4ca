import type { ApiClient } from '@suite/api-client'
import type { CheckLists } from '@suite/scam-check'
import { shallowRef } from 'vue'

const CACHE_KEY = 'suite-support-report:check-lists'

function readCache(cache: Pick<Storage, 'getItem'> | null): CheckLists | null {
  try {
    const raw = cache?.getItem(CACHE_KEY)
    return raw ? (JSON.parse(raw) as CheckLists) : null
  } catch {
    return null
  }
}

/**
 * The registry and known-scam lists the instant check consults. Fetched once per visit and
 * saved on the device, so the check also works offline (with the last lists seen).
 */
export function useCheckLists(
  api: Pick<ApiClient, 'support'>,
  cache: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null,
) {
  const lists = shallowRef<CheckLists>(readCache(cache) ?? { official: [], knownScams: [] })
  /** True when the lists in use come from the device, not the server. */
  const offline = shallowRef(false)

  async function refresh(): Promise<void> {
    try {
      const snap = await api.support.checkLists()
      lists.value = { official: snap.official, knownScams: snap.knownScams }
      offline.value = false
      try {
        cache?.setItem(CACHE_KEY, JSON.stringify(lists.value))
      } catch {
        /* a full storage only costs the offline copy */
      }
    } catch {
      offline.value = true
    }
  }

  return { lists, offline, refresh }
}
