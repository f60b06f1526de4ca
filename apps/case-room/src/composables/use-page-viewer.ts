import type { ApiClient } from '@suite/api-client'
import { computed, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'

/** What {@link usePageViewer} needs to know about the document. */
export interface ViewerDocument {
  caseId: string
  id: string
  pageCount: number | null
}

/**
 * One page at a time of a document as the server renders it: a watermarked JPEG per viewer.
 * Page images are kept as object URLs while the viewer lives (revoked on dispose); the next
 * page is not fetched ahead: fetching a page is what the server records as viewing it. Each page's time on screen is reported to the server's view log
 * when the reader leaves the page, hides the app, or closes the viewer.
 */
export function usePageViewer(
  api: Pick<ApiClient, 'caseRoom'>,
  doc: MaybeRefOrGetter<ViewerDocument | null>,
  clock: () => number = () => Date.now(),
) {
  const page = shallowRef(1)
  const images = shallowRef<Record<number, string>>({})
  const error = shallowRef<unknown>(null)
  const loading = shallowRef(false)
  const inflight = new Map<number, Promise<void>>()
  let shownAt: number | null = null
  let hiddenSince: number | null = null

  const total = computed(() => toValue(doc)?.pageCount ?? 0)
  const current = computed(() => images.value[page.value] ?? null)

  function fetchPage(n: number): Promise<void> {
    const d = toValue(doc)
    if (!d || n < 1 || n > total.value || images.value[n] || inflight.has(n))
      return inflight.get(n) ?? Promise.resolve()
    const p = api.caseRoom.documents
      .page(d.caseId, d.id, n)
      .then((blob) => {
        images.value = { ...images.value, [n]: URL.createObjectURL(blob) }
      })
      .finally(() => inflight.delete(n))
    inflight.set(n, p)
    return p
  }

  async function show(n: number): Promise<void> {
    if (n < 1 || n > total.value) return
    flush()
    page.value = n
    loading.value = !images.value[n]
    error.value = null
    try {
      await fetchPage(n)
      if (page.value === n) shownAt = clock()
    } catch (e) {
      if (page.value === n) error.value = e
    } finally {
      if (page.value === n) loading.value = false
    }
  }

  /** Report the current page's time on screen (once), e.g. before leaving it. */
  function flush(): void {
    const d = toValue(doc)
    if (!d || shownAt === null) return
    const durationMs = Math.max(0, Math.round(clock() - shownAt))
    shownAt = null
    void api.caseRoom.documents.beacon(d.caseId, d.id, { page: page.value, durationMs }).catch(() => undefined)
  }

  function onVisibility(): void {
    if (typeof document === 'undefined') return
    if (document.visibilityState === 'hidden') {
      hiddenSince = clock()
      flush()
    } else if (hiddenSince !== null) {
      hiddenSince = null
      void show(page.value)
    }
  }
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility)

  watch(
    () => toValue(doc)?.id,
    (id) => {
      for (const url of Object.values(images.value)) URL.revokeObjectURL(url)
      images.value = {}
      if (id) void show(1)
    },
    { immediate: true },
  )

  onScopeDispose(() => {
    flush()
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility)
    for (const url of Object.values(images.value)) URL.revokeObjectURL(url)
  })

  return {
    page,
    total,
    current,
    loading,
    error,
    show,
    next: () => show(page.value + 1),
    previous: () => show(page.value - 1),
    flush,
  }
}
