import { onScopeDispose, toValue, watch, type MaybeRefOrGetter } from 'vue'

/** What {@link usePagesInView} tells its caller. */
export interface PagesInViewHandlers {
  /** Page `n` came into view (any part of it). */
  enter: (n: number) => void
  /** Page `n` left the view. */
  leave: (n: number) => void
  /** The page that fills most of the view changed. */
  current: (n: number) => void
}

/**
 * Watches the pages (`[data-page]` children) of a scrolling container with an
 * IntersectionObserver whose root is the container: which pages are on screen and which one
 * fills most of it. Without IntersectionObserver (an old webview) the first page counts as in view.
 */
export function usePagesInView(
  container: MaybeRefOrGetter<HTMLElement | null | undefined>,
  pageCount: MaybeRefOrGetter<number>,
  on: PagesInViewHandlers,
) {
  const ratios = new Map<number, number>()
  let observer: IntersectionObserver | null = null
  let shown = 0

  function update(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const n = Number((e.target as HTMLElement).dataset.page)
      if (!n) continue
      if (e.isIntersecting) {
        if (!ratios.has(n)) on.enter(n)
        ratios.set(n, e.intersectionRatio)
      } else if (ratios.has(n)) {
        ratios.delete(n)
        on.leave(n)
      }
    }
    let best = 0
    let bestRatio = -1
    for (const [n, r] of ratios) if (r > bestRatio || (r === bestRatio && n < best)) [best, bestRatio] = [n, r]
    if (best && best !== shown) on.current((shown = best))
  }

  function observe(el: HTMLElement): void {
    observer?.disconnect()
    for (const n of ratios.keys()) on.leave(n)
    ratios.clear()
    shown = 0
    if (typeof IntersectionObserver === 'undefined') {
      if (toValue(pageCount) > 0) on.enter(1)
      return
    }
    observer = new IntersectionObserver(update, { root: el, threshold: [0, 0.25, 0.5, 0.75, 1] })
    for (const page of el.querySelectorAll<HTMLElement>('[data-page]')) observer.observe(page)
  }

  // After the DOM update, so the pages of a new count are there to observe.
  watch(
    [() => toValue(container), () => toValue(pageCount)],
    ([el]) => {
      if (el) observe(el)
    },
    { immediate: true, flush: 'post' },
  )
  onScopeDispose(() => observer?.disconnect())

  /** Bring page `n` to the top of the container (which must be the pages' offset parent), leaving the page around it still. */
  function scrollTo(n: number): void {
    const box = toValue(container)
    const el = box?.querySelector<HTMLElement>(`[data-page="${n}"]`)
    if (box && el) box.scrollTo?.({ top: el.offsetTop - 8, behavior: 'smooth' })
  }

  return { scrollTo }
}
