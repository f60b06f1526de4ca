import type { ApiClient } from '@suite/api-client'
import type { CaseStatus, CaseSummary } from '@suite/domain'
import { onScopeDispose, ref, shallowRef, watch } from 'vue'

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
  const items = shallowRef<CaseSummary[]>([])
  const nextCursor = shallowRef<string | null>(null)
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  let run = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function load(more = false): Promise<void> {
    const id = ++run
    loading.value = true
    error.value = null
    try {
      const page = await api.cases.list({
        limit: options.pageSize ?? 30,
        ...(q.value.trim() ? { q: q.value.trim() } : {}),
        ...(status.value !== 'all' ? { status: status.value } : {}),
        ...(more && nextCursor.value ? { cursor: nextCursor.value } : {}),
      })
      if (id !== run) return
      items.value = more ? [...items.value, ...page.items] : page.items
      nextCursor.value = page.nextCursor
    } catch (e) {
      if (id === run) error.value = e
    } finally {
      if (id === run) loading.value = false
    }
  }

  watch(status, () => { void load() })
  watch(q, () => {
    clearTimeout(timer)
    timer = setTimeout(() => { void load() }, options.debounceMs ?? 300)
  })
  onScopeDispose(() => { clearTimeout(timer); run++ })

  return { q, status, items, nextCursor, loading, error, load, loadMore: () => load(true) }
}
