import type { EventSync } from '@suite/domain'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useSyncRefresh } from './use-sync-refresh'

const sync = (state: EventSync['state']): EventSync[] => [
  { userId: 'u-lee', state, syncedAt: null, lastError: null } as unknown as EventSync,
]

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useSyncRefresh', () => {
  it('looks again while a sync has not started or is pending, and stops once it is synced', async () => {
    const shown = shallowRef<EventSync[]>([])
    const answers = [sync('pending'), sync('synced')]
    const refresh = vi.fn(async () => {
      shown.value = answers.shift() ?? shown.value
    })
    const scope = effectScope()
    scope.run(() => useSyncRefresh(() => [shown.value], refresh, { intervalMs: 1000 }))
    await vi.advanceTimersByTimeAsync(999)
    expect(refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(refresh).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(refresh).toHaveBeenCalledTimes(2)
    expect(shown.value[0]!.state).toBe('synced')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(refresh).toHaveBeenCalledTimes(2)
    scope.stop()
  })

  it('gives up after maxTries, and stops when the page goes away', async () => {
    const shown = shallowRef(sync('pending'))
    const refresh = vi.fn(async () => undefined)
    const scope = effectScope()
    scope.run(() => useSyncRefresh(() => [shown.value], refresh, { intervalMs: 100, maxTries: 3 }))
    await vi.advanceTimersByTimeAsync(1000)
    expect(refresh).toHaveBeenCalledTimes(3)

    const other = shallowRef(sync('synced'))
    const refresh2 = vi.fn(async () => undefined)
    const scope2 = effectScope()
    scope2.run(() => useSyncRefresh(() => [other.value], refresh2, { intervalMs: 100 }))
    await vi.advanceTimersByTimeAsync(500)
    expect(refresh2).not.toHaveBeenCalled()
    other.value = sync('pending')
    await nextTick()
    scope2.stop()
    await vi.advanceTimersByTimeAsync(500)
    expect(refresh2).not.toHaveBeenCalled()
    scope.stop()
  })
})
