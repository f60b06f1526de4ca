import type { ApiClient } from '@suite/api-client'
import type { DocumentSummary, Tier } from '@suite/domain'
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'

/**
 * The documents of one tier of a case: server-side search, keyset paging ("load more", so a
 * case with thousands of documents stays quick), and uploads with progress.
 */
export function useDocuments(api: Pick<ApiClient, 'caseRoom'>, caseId: MaybeRefOrGetter<string>, tier: MaybeRefOrGetter<Tier>, options: { pageSize?: number; debounceMs?: number } = {}) {
  const q = ref('')
  const items = shallowRef<DocumentSummary[]>([])
  const nextCursor = shallowRef<string | null>(null)
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const uploading = shallowRef<{ name: string; fraction: number } | null>(null)
  let run = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function load(more = false): Promise<void> {
    const id = ++run
    loading.value = true
    error.value = null
    try {
      const page = await api.caseRoom.documents.list(toValue(caseId), {
        tier: toValue(tier), limit: options.pageSize ?? 50,
        ...(q.value.trim() ? { q: q.value.trim() } : {}),
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

  /** Upload one file into this tier; resolves with the new document (already listed first). */
  async function upload(file: File): Promise<DocumentSummary> {
    uploading.value = { name: file.name, fraction: 0 }
    try {
      const doc = await api.caseRoom.documents.upload(toValue(caseId), toValue(tier), file, file.name, {
        onProgress: (fraction) => { uploading.value = { name: file.name, fraction } },
      })
      items.value = [doc, ...items.value]
      return doc
    } finally {
      uploading.value = null
    }
  }

  watch([() => toValue(caseId), () => toValue(tier)], () => { void load() }, { immediate: true })
  watch(q, () => {
    clearTimeout(timer)
    timer = setTimeout(() => { void load() }, options.debounceMs ?? 300)
  })
  onScopeDispose(() => { clearTimeout(timer); run++ })

  return { q, items, nextCursor, loading, error, uploading, load, loadMore: () => load(true), upload }
}
