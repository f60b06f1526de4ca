import type { ApiClient } from '@suite/api-client'
import { useLatestAsync } from '@suite/app-kit'
import type { CaseStatus, CaseSummary, Page } from '@suite/domain'
import { computed, ref, watch } from 'vue'

/** Options of {@link useCaseList}. */
export interface UseCaseListOptions {
  /** Wait this long after the last keystroke before searching (ms). */
  debounceMs?: number
  pageSize?: number
}

/**
 * "My cases": search and status filter (applied on the server), paging with "load more",
 * and loading / error state. A search answer that arrives after a newer one is dropped.
 */
export function useCaseList(api: Pick<ApiClient, 'cases'>, options: UseCaseListOptions = {}) {
  const q = ref('')
  const status = ref<CaseStatus | 'all'>('all')
  // An overtaken search's answer is dropped (the request itself runs to its end).
  const list = useLatestAsync(
    async (_signal, more: boolean = false): Promise<Page<CaseSummary>> => {
      const shown = list.state.value
      const page = await api.cases.list({
        limit: options.pageSize ?? 30,
        ...(q.value.trim() ? { q: q.value.trim() } : {}),
        ...(status.value !== 'all' ? { status: status.value } : {}),
        ...(more && shown.nextCursor ? { cursor: shown.nextCursor } : {}),
      })
      return more ? { items: [...shown.items, ...page.items], nextCursor: page.nextCursor } : page
    },
    { items: [], nextCursor: null },
    { immediate: false, debounceMs: options.debounceMs ?? 300 },
  )

  const load = (more = false) => list.runNow(more)
  watch(status, () => {
    void load()
  })
  watch(q, () => {
    void list.run()
  })

  return {
    q,
    status,
    items: computed(() => list.state.value.items),
    nextCursor: computed(() => list.state.value.nextCursor),
    loading: list.loading,
    error: list.error,
    load,
    loadMore: () => load(true),
  }
}
