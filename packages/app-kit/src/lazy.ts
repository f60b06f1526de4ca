/** Options of {@link lazy}. */
export interface LazyOptions {
  /** Extra attempts after a failed one; 3 by default. */
  retries?: number
  /** Wait before the n-th extra attempt is `delayMs * n`; 500 by default. */
  delayMs?: number
}

/**
 * A lazily loaded value (a chunk behind `import()`, or something built from one), fetched once
 * and shared by every caller. A failed attempt is retried a few times with growing waits (a
 * flaky phone network); when every attempt failed the failure is forgotten, so the next call
 * starts again instead of repeating a stale error.
 *
 * @example
 * const loadShell = lazy(() => import('./components/PortalShell.vue'))
 * void loadShell().catch(() => undefined) // start fetching now, use it later
 */
export function lazy<T>(load: () => Promise<T>, { retries = 3, delayMs = 500 }: LazyOptions = {}): () => Promise<T> {
  let pending: Promise<T> | null = null

  async function attempt(n: number): Promise<T> {
    try {
      return await load()
    } catch (error) {
      if (n > retries) throw error
      await new Promise((resolve) => setTimeout(resolve, delayMs * n))
      return attempt(n + 1)
    }
  }

  return () =>
    (pending ??= attempt(1).catch((error: unknown) => {
      pending = null
      throw error
    }))
}
