import { vi } from 'vitest'

/** An IntersectionObserver a test drives by hand: nothing is "in view" until the test says so. */
class FakeIntersectionObserver {
  static live = new Set<FakeIntersectionObserver>()
  readonly root: Element | Document | null
  readonly rootMargin = '0px'
  readonly thresholds: readonly number[]
  readonly targets = new Set<Element>()

  constructor(
    readonly callback: IntersectionObserverCallback,
    options: IntersectionObserverInit = {},
  ) {
    this.root = options.root ?? null
    this.thresholds = [options.threshold ?? 0].flat()
    FakeIntersectionObserver.live.add(this)
  }
  observe(el: Element): void {
    this.targets.add(el)
  }
  unobserve(el: Element): void {
    this.targets.delete(el)
  }
  disconnect(): void {
    this.targets.clear()
    FakeIntersectionObserver.live.delete(this)
  }
  takeRecords(): IntersectionObserverEntry[] {
    return []
  }
}

/**
 * Replace IntersectionObserver (undo with `vi.unstubAllGlobals()`); `show(el, ratio)` tells every
 * observer watching `el` that it is now `ratio` in view (0: out of view).
 */
export function fakeIntersectionObserver() {
  FakeIntersectionObserver.live.clear()
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
  return {
    show(el: Element, ratio: number): void {
      for (const o of [...FakeIntersectionObserver.live]) {
        if (!o.targets.has(el)) continue
        const rect = el.getBoundingClientRect()
        const entry = {
          target: el,
          isIntersecting: ratio > 0,
          intersectionRatio: ratio,
          time: 0,
          boundingClientRect: rect,
          intersectionRect: rect,
          rootBounds: null,
        } as IntersectionObserverEntry
        o.callback([entry], o as unknown as IntersectionObserver)
      }
    },
    /** The elements observed right now. */
    observed: (): Element[] => [...FakeIntersectionObserver.live].flatMap((o) => [...o.targets]),
  }
}
