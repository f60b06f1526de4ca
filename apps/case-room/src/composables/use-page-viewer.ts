import type { ApiClient } from '@suite/api-client'
import { computed, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'

/** What {@link usePageViewer} needs to know about the document. */
export interface ViewerDocument {
  caseId: string
  id: string
  pageCount: number | null
}

/**
 * Every page of a document as the server renders it (a watermarked JPEG per viewer), read as one
 * continuous scroll. A page is fetched only when it comes into view ({@link enter}): fetching a
 * page is what the server records as viewing it, so nothing is fetched ahead. Each visit of a page
 * is one view: when the page leaves the screen ({@link leave}), the app is hidden or the viewer
 * closes, its time on screen goes to the server's view log; coming back to it fetches it again
 * (a new view, stamped with the new time). Images are object URLs, revoked when replaced or on dispose.
 */
export function usePageViewer(
  api: Pick<ApiClient, 'caseRoom'>,
  doc: MaybeRefOrGetter<ViewerDocument | null>,
  clock: () => number = () => Date.now(),
) {
  /** The page most in view: the one the page counter shows and comments pin to. */
  const page = shallowRef(1)
  const images = shallowRef<Record<number, string>>({})
  const errors = shallowRef<Record<number, unknown>>({})
  const loading = shallowRef<Record<number, boolean>>({})
  const total = computed(() => toValue(doc)?.pageCount ?? 0)
  /** Pages on screen now. */
  const visible = new Set<number>()
  /** Pages whose view is open on the server (fetched, time not yet reported), with when they were shown. */
  const open = new Map<number, number>()
  const inflight = new Map<number, Promise<void>>()
  let generation = 0

  const patch = <T>(r: Record<number, T>, n: number, v: T | undefined): Record<number, T> => {
    const next = { ...r }
    if (v === undefined) delete next[n]
    else next[n] = v
    return next
  }

  function fetchPage(n: number): Promise<void> {
    const d = toValue(doc)
    if (!d || n < 1 || n > total.value) return Promise.resolve()
    const running = inflight.get(n)
    if (running) return running
    const gen = generation
    loading.value = patch(loading.value, n, true)
    errors.value = patch(errors.value, n, undefined)
    const p = api.caseRoom.documents
      .page(d.caseId, d.id, n)
      .then((blob) => {
        if (gen !== generation) return
        const old = images.value[n]
        images.value = patch(images.value, n, URL.createObjectURL(blob))
        if (old) URL.revokeObjectURL(old)
        open.set(n, clock())
        // Scrolled past before it arrived: the view is over already.
        if (!visible.has(n)) report(n)
      })
      .catch((e: unknown) => {
        if (gen === generation) errors.value = patch(errors.value, n, e)
      })
      .finally(() => {
        inflight.delete(n)
        if (gen === generation) loading.value = patch(loading.value, n, undefined)
      })
    inflight.set(n, p)
    return p
  }

  /** Send one page's time on screen (once per view). */
  function report(n: number): void {
    const d = toValue(doc)
    const since = open.get(n)
    if (!d || since === undefined) return
    open.delete(n)
    const durationMs = Math.max(0, Math.round(clock() - since))
    void api.caseRoom.documents.beacon(d.caseId, d.id, { page: n, durationMs }).catch(() => undefined)
  }

  /** Page `n` came into view: fetch it unless its view is still open. */
  function enter(n: number): Promise<void> {
    visible.add(n)
    return open.has(n) ? Promise.resolve() : fetchPage(n)
  }

  /** Page `n` left the view: its time on screen is reported. */
  function leave(n: number): void {
    visible.delete(n)
    report(n)
  }

  /** Report every open page now (leaving the viewer, hiding the app). */
  function flush(): void {
    for (const n of [...open.keys()]) report(n)
  }

  /** Fetch a page again after it failed. */
  const retry = (n: number) => fetchPage(n)

  function onVisibility(): void {
    if (document.visibilityState === 'hidden') flush()
    else for (const n of visible) void enter(n)
  }
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility)

  function clear(): void {
    generation++
    for (const url of Object.values(images.value)) URL.revokeObjectURL(url)
    images.value = {}
    errors.value = {}
    loading.value = {}
    visible.clear()
    open.clear()
    inflight.clear()
  }

  watch(
    () => toValue(doc)?.id,
    () => {
      flush()
      clear()
      page.value = 1
    },
  )

  onScopeDispose(() => {
    flush()
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility)
    clear()
  })

  return { page, total, images, errors, loading, enter, leave, retry, flush }
}
