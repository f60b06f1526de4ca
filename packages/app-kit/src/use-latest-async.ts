import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from 'vue'

/** Options of {@link useLatestAsync}. */
export interface UseLatestAsyncOptions<T> {
  /**
   * Start a run at once, with no arguments (true by default, as VueUse's `useAsyncState`). The run
   * starts before `useLatestAsync` returns: a task that reads the returned `state` (a "load more"
   * adding to what is shown) needs `immediate: false`.
   */
  immediate?: boolean
  /**
   * `run()` waits this long before starting, and a newer `run()` within the wait replaces it
   * (search as you type). `runNow()` and `reload()` never wait, and leave a waiting run to start after them.
   */
  debounceMs?: number
  /** Called with the new state of a run that no newer run overtook. */
  onSuccess?: (state: T) => void
  /** Called with the error of a run that no newer run overtook (a cancellation is not an error). */
  onError?: (error: unknown) => void
}

/** What {@link useLatestAsync} returns. */
export interface UseLatestAsyncReturn<T, Args extends unknown[]> {
  /** The answer of the latest run that succeeded; the initial state until then. Writable (an upload adds to a list). */
  state: ShallowRef<T>
  /** True while the latest run is under way. */
  loading: ShallowRef<boolean>
  /** What the latest run threw (an `ApiError` of `@suite/api-client` in practice); null once a run starts again. */
  error: ShallowRef<unknown>
  /** Start a run with these arguments (after `debounceMs`, when set); resolves with its state, or undefined when it failed or was overtaken. */
  run: (...args: Args) => Promise<T | undefined>
  /** Start a run with these arguments now, without the debounce. */
  runNow: (...args: Args) => Promise<T | undefined>
  /** Run again now with the arguments of the last run (a retry button). */
  reload: () => Promise<T | undefined>
}

/** True for a run that was called off (an `ApiError` with code `cancelled`, or a DOM `AbortError`): not an error to show. */
function isCancellation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false
  return (e as { code?: unknown }).code === 'cancelled' || (e as { name?: unknown }).name === 'AbortError'
}

/**
 * Async state that always shows the latest answer, shaped like VueUse's `useAsyncState`: `task`
 * gets an `AbortSignal` and the run's arguments. Starting a run aborts the one under way, and an
 * older run that finishes after a newer one never writes `state`, `error` or `loading` (stale
 * answers are dropped). Disposing the calling scope (a component unmounting) aborts the run under
 * way and cancels a waiting one.
 *
 * @example
 * const { state: cases, loading, error, run } = useLatestAsync(
 *   (signal, q: string) => api.cases.list({ q }, { signal }), { items: [], nextCursor: null }, { immediate: false, debounceMs: 300 })
 * watch(q, (next) => run(next))
 */
export function useLatestAsync<T, Args extends unknown[] = []>(
  task: (signal: AbortSignal, ...args: Args) => Promise<T>,
  initialState: T,
  options: UseLatestAsyncOptions<T> = {},
): UseLatestAsyncReturn<T, Args> {
  const state = shallowRef(initialState) as ShallowRef<T>
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  /** Id of the latest run started: only that one may write. */
  let latest = 0
  let controller: AbortController | null = null
  let lastArgs = [] as unknown as Args
  let timer: ReturnType<typeof setTimeout> | undefined
  /** Settles the promise of the run waiting out the debounce, when a newer one replaces it. */
  let settleWaiting: ((value: undefined) => void) | null = null

  function cancelWaiting(): void {
    clearTimeout(timer)
    settleWaiting?.(undefined)
    settleWaiting = null
  }

  async function runNow(...args: Args): Promise<T | undefined> {
    const id = ++latest
    controller?.abort()
    const own = new AbortController()
    controller = own
    lastArgs = args
    loading.value = true
    error.value = null
    try {
      const next = await task(own.signal, ...args)
      if (id !== latest) return undefined
      state.value = next
      options.onSuccess?.(next)
      return next
    } catch (e) {
      if (id !== latest || isCancellation(e)) return undefined
      error.value = e
      options.onError?.(e)
      return undefined
    } finally {
      if (id === latest) {
        loading.value = false
        controller = null
      }
    }
  }

  function run(...args: Args): Promise<T | undefined> {
    if (!options.debounceMs) return runNow(...args)
    cancelWaiting()
    return new Promise((resolve) => {
      settleWaiting = resolve
      timer = setTimeout(() => {
        settleWaiting = null
        resolve(runNow(...args))
      }, options.debounceMs)
    })
  }

  const reload = () => runNow(...lastArgs)

  if (getCurrentScope()) {
    onScopeDispose(() => {
      cancelWaiting()
      latest++
      controller?.abort()
      controller = null
    })
  }
  if (options.immediate ?? true) void runNow(...([] as unknown as Args))

  return { state, loading, error, run, runNow, reload }
}
