import type { ApiClient } from '@suite/api-client'
import { useLatestAsync } from '@suite/app-kit'
import type { DocumentSummary, Page, Tier } from '@suite/domain'
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'

/**
 * The documents of one tier of a case: server-side search, keyset paging ("load more", so a
 * case with thousands of documents stays quick), and uploads with progress.
 */
export function useDocuments(
  api: Pick<ApiClient, 'caseRoom'>,
  caseId: MaybeRefOrGetter<string>,
  tier: MaybeRefOrGetter<Tier>,
  options: { pageSize?: number; debounceMs?: number } = {},
) {
  const q = ref('')
  const uploading = shallowRef<{ name: string; fraction: number } | null>(null)
  const list = useLatestAsync(
    async (signal, more: boolean = false): Promise<Page<DocumentSummary>> => {
      const shown = list.state.value
      const page = await api.caseRoom.documents.list(
        toValue(caseId),
        {
          tier: toValue(tier),
          limit: options.pageSize ?? 50,
          ...(q.value.trim() ? { q: q.value.trim() } : {}),
          ...(more && shown.nextCursor ? { cursor: shown.nextCursor } : {}),
        },
        { signal },
      )
      return more ? { items: [...shown.items, ...page.items], nextCursor: page.nextCursor } : page
    },
    { items: [], nextCursor: null },
    { immediate: false, debounceMs: options.debounceMs ?? 300 },
  )

  const items = computed({
    get: () => list.state.value.items,
    set: (next: DocumentSummary[]) => {
      list.state.value = { ...list.state.value, items: next }
    },
  })
  const nextCursor = computed(() => list.state.value.nextCursor)
  const load = (more = false) => list.runNow(more)

  /**
   * Upload one file into this tier under `title` (the file name when blank); the people who can
   * see the tier are told only when `notify` is set. Resolves with the new document (listed first).
   */
  async function upload(file: File, choice: { title?: string; notify: boolean }): Promise<DocumentSummary> {
    uploading.value = { name: file.name, fraction: 0 }
    try {
      const doc = await api.caseRoom.documents.upload(toValue(caseId), toValue(tier), file, file.name, {
        title: choice.title?.trim() || file.name,
        notify: choice.notify,
        onProgress: (fraction) => {
          uploading.value = { name: file.name, fraction }
        },
      })
      items.value = [doc, ...items.value]
      return doc
    } finally {
      uploading.value = null
    }
  }

  watch(
    [() => toValue(caseId), () => toValue(tier)],
    () => {
      void load()
    },
    { immediate: true },
  )
  // Search as the person types: one request once they pause.
  watch(q, () => {
    void list.run()
  })

  return {
    q,
    items,
    nextCursor,
    loading: list.loading,
    error: list.error,
    uploading,
    load,
    loadMore: () => load(true),
    upload,
  }
}
