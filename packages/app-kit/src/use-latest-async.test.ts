import { ApiError } from '@suite/api-client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useLatestAsync } from './use-latest-async'

/** A promise the test settles by hand, so runs can finish in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

function inScope<R>(make: () => R) {
  const scope = effectScope()
  return { value: scope.run(make)!, stop: () => scope.stop() }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('useLatestAsync', () => {
  it('starts at once unless told otherwise, and reports loading until the answer', async () => {
    const answer = deferred<string[]>()
    const { value: s, stop } = inScope(() => useLatestAsync(() => answer.promise, [] as string[]))
    expect(s.loading.value).toBe(true)
    answer.resolve(['a'])
    await vi.waitFor(() => expect(s.loading.value).toBe(false))
    expect(s.state.value).toEqual(['a'])
    const task = vi.fn(async () => 1)
    inScope(() => useLatestAsync(task, 0, { immediate: false }))
    expect(task).not.toHaveBeenCalled()
    stop()
  })

  it('drops a stale answer: an older run finishing after a newer one writes neither state nor error', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string>>>()
    const signals: AbortSignal[] = []
    const { value: s, stop } = inScope(() =>
      useLatestAsync(
        (signal, q: string) => {
          signals.push(signal)
          const d = deferred<string>()
          answers.set(q, d)
          return d.promise
        },
        '',
        { immediate: false },
      ),
    )
    const older = s.run('old')
    const newer = s.run('new')
    // Starting the newer run called the older one off.
    expect(signals.map((x) => x.aborted)).toEqual([true, false])
    answers.get('new')!.resolve('new answer')
    await expect(newer).resolves.toBe('new answer')
    answers.get('old')!.resolve('old answer')
    await expect(older).resolves.toBeUndefined()
    expect(s.state.value).toBe('new answer')

    const third = s.run('fails late')
    const fourth = s.run('ok')
    answers.get('ok')!.resolve('fresh')
    await fourth
    answers.get('fails late')!.reject(new ApiError({ status: 500, code: 'internal', message: 'boom' }))
    await third
    expect(s.error.value).toBeNull()
    expect(s.state.value).toBe('fresh')
    expect(s.loading.value).toBe(false)
    stop()
  })

  it('debounce coalesces: only the last of quick runs starts, with its arguments', async () => {
    vi.useFakeTimers()
    const task = vi.fn(async (_signal: AbortSignal, q: string) => `result for ${q}`)
    const { value: s, stop } = inScope(() => useLatestAsync(task, '', { immediate: false, debounceMs: 300 }))
    const first = s.run('H')
    await vi.advanceTimersByTimeAsync(100)
    void s.run('HC')
    await vi.advanceTimersByTimeAsync(100)
    const last = s.run('HCA')
    await vi.advanceTimersByTimeAsync(299)
    expect(task).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(task).toHaveBeenCalledTimes(1)
    expect(task).toHaveBeenLastCalledWith(expect.any(AbortSignal), 'HCA')
    await expect(last).resolves.toBe('result for HCA')
    // A replaced run's promise settles too, with nothing.
    await expect(first).resolves.toBeUndefined()
    // runNow and reload skip the wait.
    void s.runNow('now')
    expect(task).toHaveBeenLastCalledWith(expect.any(AbortSignal), 'now')
    void s.reload()
    expect(task).toHaveBeenCalledTimes(3)
    expect(task).toHaveBeenLastCalledWith(expect.any(AbortSignal), 'now')
    stop()
  })

  it('keeps the error of a failed run, clears it when the next run starts and succeeds', async () => {
    const offline = new ApiError({ status: 0, code: 'network_error', message: 'offline' })
    const task = vi
      .fn<(signal: AbortSignal) => Promise<number[]>>()
      .mockRejectedValueOnce(offline)
      .mockResolvedValue([1, 2])
    const onError = vi.fn()
    const { value: s, stop } = inScope(() => useLatestAsync(task, [] as number[], { onError }))
    await vi.waitFor(() => expect(s.error.value).toBe(offline))
    expect(onError).toHaveBeenCalledWith(offline)
    expect(s.loading.value).toBe(false)
    const retry = s.reload()
    expect(s.error.value).toBeNull()
    expect(s.loading.value).toBe(true)
    await retry
    expect(s.state.value).toEqual([1, 2])
    expect(s.error.value).toBeNull()
    stop()
  })

  it('does not report a cancellation as an error', async () => {
    const cancelled = new ApiError({ status: 0, code: 'cancelled', message: 'The request was cancelled.' })
    const { value: s, stop } = inScope(() =>
      useLatestAsync(async () => {
        throw cancelled
      }, 0),
    )
    await vi.waitFor(() => expect(s.loading.value).toBe(false))
    expect(s.error.value).toBeNull()
    const { value: t, stop: stop2 } = inScope(() =>
      useLatestAsync(async () => {
        throw new DOMException('stopped', 'AbortError')
      }, 0),
    )
    await vi.waitFor(() => expect(t.loading.value).toBe(false))
    expect(t.error.value).toBeNull()
    stop()
    stop2()
  })

  it('dispose aborts the run under way, drops its answer and cancels a waiting one', async () => {
    vi.useFakeTimers()
    const answer = deferred<string>()
    let signal: AbortSignal | null = null
    const task = vi.fn((s: AbortSignal) => {
      signal = s
      return answer.promise
    })
    const { value: s, stop } = inScope(() => useLatestAsync(task, 'initial', { debounceMs: 200 }))
    expect(signal!.aborted).toBe(false)
    const waiting = s.run()
    stop()
    expect(signal!.aborted).toBe(true)
    answer.resolve('too late')
    await vi.advanceTimersByTimeAsync(500)
    await expect(waiting).resolves.toBeUndefined()
    expect(task).toHaveBeenCalledTimes(1)
    expect(s.state.value).toBe('initial')
  })
})
